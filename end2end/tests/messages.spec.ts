// A buyer and an exhibitor's team write to each other, each in a browser context of their
// own: hydrated, each sees the other is here, a message appears on the other side without a reload, and a connection that
// drops before the acknowledgement loses nothing and doubles nothing; with JavaScript off,
// the plain form sends and the inbox counts what is unread. The hydrated test talks to the
// first demo exhibitor, the JavaScript-off one to the second, so the two never share a
// conversation.
import { test, expect, ready, demo, signIn } from './fixtures';
import type { Browser, Page, WebSocketRoute } from '@playwright/test';

const buyer = demo.buyer;
const exhibitors = { hydrated: demo.exhibitor, 'no-js': demo.exhibitor2 };

/** A second person in a browser context of their own, signed in; their booth's path. */
async function exhibitorPage(browser: Browser, js: boolean | undefined, login: string[]) {
  const context = await browser.newContext({ javaScriptEnabled: js !== false });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`exhibitor's page error: ${error.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`exhibitor's console: ${m.text()}`); });
  await signIn(page, js, login);
  await page.goto('/exhibitor/team');
  const booth = await page.getByRole('link', { name: 'See the booth' }).getAttribute('href');
  return { page, booth: booth!, errors, close: () => context.close() };
}

const messages = (page: Page) => page.locator('ol.messages li.message:not(.pending) .message-body');

test('messages arrive without a reload, and a dropped connection loses and doubles nothing', async ({ page, browser }, info) => {
  const js = info.project.use.javaScriptEnabled;
  test.skip(js === false, 'real time needs JavaScript; the plain form is tested below');
  const team = await exhibitorPage(browser, js, exhibitors.hydrated);

  // The buyer's socket passes through the test, which can hold back what the server sends
  // (the acknowledgement, and the message's echo to the buyer's own follower) and cut the
  // connection.
  let holdBack = false;
  const sockets: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await page.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((frame) => server.send(frame));
    server.onMessage((frame) => {
      if (!holdBack) ws.send(frame);
    });
    sockets.push({ page: ws, server });
  });
  await signIn(page, js, buyer);
  await page.goto(team.booth);
  await ready(page, js);
  await page.getByRole('button', { name: 'Contact the exhibitor' }).click();
  await expect(page).toHaveURL(/\/messages\/\d+$/);
  const conversation = new URL(page.url()).pathname;
  await ready(page, js);
  await team.page.goto(conversation);
  await ready(team.page, js);
  for (const p of [page, team.page]) {
    await expect(p.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
    // Each side sees the other arrive, without a reload.
    await expect(p.locator('.presence')).toHaveText('Online now');
  }

  const hello = `Hello, do you ship to Lyon? ${Date.now()}`;
  await page.getByLabel('Your message').fill(hello);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(messages(team.page).filter({ hasText: hello })).toHaveCount(1);
  await expect(messages(page).filter({ hasText: hello })).toHaveCount(1);

  const reply = `Yes, by sea in 30 days ${Date.now()}`;
  await team.page.getByLabel('Your message').fill(reply);
  await team.page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(messages(page).filter({ hasText: reply })).toHaveCount(1);

  // The server stores the next message, but nothing it says reaches the buyer.
  holdBack = true;
  const unacked = `Price for 500 pieces? ${Date.now()}`;
  await page.getByLabel('Your message').fill(unacked);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.locator('li.pending').filter({ hasText: unacked })).toContainText('Sending…');
  await expect(messages(team.page).filter({ hasText: unacked })).toHaveCount(1);
  // Then the connection drops, and the team writes meanwhile.
  const connections = sockets.length;
  holdBack = false;
  const last = sockets[sockets.length - 1];
  await last.server.close();
  await last.page.close();
  const meanwhile = `EUR 2.10 each ${Date.now()}`;
  await team.page.getByLabel('Your message').fill(meanwhile);
  await team.page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(messages(team.page).filter({ hasText: meanwhile })).toHaveCount(1);

  // The buyer reconnects, sends the message again under its id, and catches up.
  await expect.poll(() => sockets.length).toBeGreaterThan(connections);
  await expect(page.locator('li.pending')).toHaveCount(0);
  await expect(messages(page).filter({ hasText: unacked })).toHaveCount(1);
  await expect(messages(page).filter({ hasText: meanwhile })).toHaveCount(1);
  await page.reload();
  await ready(page, js);
  for (const text of [hello, reply, unacked, meanwhile]) {
    await expect(messages(page).filter({ hasText: text }), text).toHaveCount(1);
  }
  await expect(messages(team.page).filter({ hasText: unacked })).toHaveCount(1);
  expect(team.errors).toEqual([]);
  await team.close();
});

test('with JavaScript off, the plain form sends and the inbox counts the unread', async ({ page, browser }, info) => {
  const js = info.project.use.javaScriptEnabled;
  test.skip(js !== false, 'the hydrated chat is tested above');
  const team = await exhibitorPage(browser, js, exhibitors['no-js']);
  await signIn(page, js, buyer);
  await page.goto(team.booth);
  await page.getByRole('button', { name: 'Contact the exhibitor' }).click();
  await expect(page).toHaveURL(/\/messages\/\d+$/);
  const conversation = new URL(page.url()).pathname;

  await page.getByLabel('Your message').fill('   ');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Write a message first.');
  const text = `Samples before the order? ${Date.now()}`;
  await page.getByLabel('Your message').fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${conversation}$`));
  await expect(messages(page).filter({ hasText: text })).toHaveCount(1);

  await team.page.goto('/messages');
  const row = team.page.locator('li.conversation-row').filter({ hasText: 'Bruno Buyer' });
  await expect(row.locator('.unread')).toHaveText('1 unread');
  await row.getByRole('link').click();
  await expect(messages(team.page).filter({ hasText: text })).toHaveCount(1);
  await team.page.goto('/messages');
  await expect(row.locator('.unread')).toHaveCount(0);
  expect(team.errors).toEqual([]);
  await team.close();
});
