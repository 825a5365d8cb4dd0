// A buyer reports a conversation to the organizer (a report without the note "something
// else" needs first) and blocks it: the box to write disappears until they unblock it; the
// organizer, in a browser of their own, reads the report with the messages the buyer saw.
// Each project talks to an exhibitor of its own, so the two never share a conversation.
// A hydrated conversation page whose session is signed out in another tab says so and stays
// disconnected.
import { test, expect, ready, demo, signIn, otherPerson, expectAccessible } from './fixtures';

test('a buyer reports and blocks a conversation, and the organizer reads the report', async ({ page, browser }, info) => {
  const js = info.project.use.javaScriptEnabled;
  await signIn(page, js, demo.buyer);
  await page.goto('/exhibitors');
  const booth = page.locator('main a[href^="/exhibitors/"]').nth(js === false ? 3 : 2);
  await booth.click();
  await expect(page).toHaveURL(/\/exhibitors\/[a-z0-9-]+$/);
  await ready(page, js);
  await page.getByRole('button', { name: 'Contact the exhibitor' }).click();
  await expect(page).toHaveURL(/\/messages\/\d+$/);
  await ready(page, js);
  await expect(page.getByText('Their time:')).toBeVisible();
  const text = `Send the deposit by wire today ${Date.now()}`;
  await page.getByLabel('Your message').fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.locator('ol.messages li.message:not(.pending)').filter({ hasText: text })).toHaveCount(1);

  await page.getByText('Report this conversation to the organizer').click();
  await page.getByRole('radio', { name: 'Something else' }).check();
  await page.getByRole('button', { name: 'Send the report' }).click();
  await expect(page.locator('.field-error')).toHaveText('This field is required.');
  await ready(page, js);
  const note = `Asked me to pay a private account (${info.project.name}).`;
  await page.getByLabel('What happened').fill(note);
  await page.getByLabel('Block the conversation too').check();
  await page.getByRole('button', { name: 'Send the report' }).click();
  await expect(page.getByText('You reported this conversation.')).toBeVisible();
  await expect(page.getByText('You blocked this conversation')).toBeVisible();
  await expect(page.getByLabel('Your message')).toHaveCount(0);
  await expectAccessible(page, js);

  await page.getByRole('button', { name: 'Unblock this conversation' }).click();
  await expect(page.getByRole('button', { name: 'Block this conversation' })).toBeVisible();
  await expect(page.getByLabel('Your message')).toBeVisible();

  const desk = await otherPerson(browser, js);
  await signIn(desk.page, js, demo.organizer);
  await desk.page.getByRole('link', { name: 'Reports' }).click();
  await expect(desk.page).toHaveURL(/\/organizer\/reports$/);
  const report = desk.page.locator('li.report-item').filter({ hasText: note });
  await expect(report.getByRole('heading')).toContainText('Something else');
  await report.getByText('The last messages when it was reported').click();
  await expect(report.locator('pre')).toContainText(text);
  expect(desk.errors).toEqual([]);
  await desk.close();
});

test('a conversation page whose session ends says so and stops reconnecting', async ({ page, context }, info) => {
  const js = info.project.use.javaScriptEnabled;
  test.skip(js === false, 'only a hydrated page has a socket');
  await signIn(page, js, demo.buyer);
  await page.goto('/exhibitors');
  await page.locator('main a[href^="/exhibitors/"]').nth(6).click();
  await expect(page).toHaveURL(/\/exhibitors\/[a-z0-9-]+$/);
  await ready(page, js);
  await page.getByRole('button', { name: 'Contact the exhibitor' }).click();
  await expect(page).toHaveURL(/\/messages\/\d+$/);
  await ready(page, js);
  const status = page.locator('.chat-status');
  await expect(status).toHaveText(/^Connected/);

  // Signing out in another tab of the same browser ends the session this page's socket has.
  const tab = await context.newPage();
  await tab.goto('/');
  await tab.getByRole('group', { name: 'Your account' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(tab).toHaveURL(/\/$/);
  await expect(status).toHaveText('You are signed out: sign in again to keep talking.');
  await page.waitForTimeout(1500);
  await expect(status).toHaveText('You are signed out: sign in again to keep talking.');
  await tab.close();
});
