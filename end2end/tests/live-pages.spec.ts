// Exhibitors On Live from the pages: a team schedules a stream in its studio (titles, time in
// its zone, products to feature), goes live from the browser with Chromium's fake camera,
// and two buyers watch on the stream page over WebRTC, each one's video presenting frames and
// each one's page counting two viewers; the team pins a product, both see it under the
// video, and the buyer inquires in one step while the team's desk shows the inquiry arrive;
// a buyer's second tab does not count twice, and the desk counts the most at once and the
// inquiries; the chat passes from the buyer to the visitor and the team and back, and the
// team mutes the buyer; the replay lists the product as a chapter and keeps the chat, and the
// team takes it off the fair; the team stops, both pages say the stream ended, and the studio keeps the counts.
// Without JavaScript the studio's form schedules, and the stream page shows the stream's
// details and products with a word that watching needs JavaScript.
import { test, expect, demo, signIn, otherPerson, ready, expectAccessible } from './fixtures';
import type { Page } from '@playwright/test';

/** The day `days` from now in Shanghai (the demo team's zone), as YYYY-MM-DD. */
const dayAhead = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

/** Frames the page's player has presented so far. */
const framesShown = (page: Page) =>
  page.locator('#live-video').evaluate((video: HTMLVideoElement) => video.getVideoPlaybackQuality().totalVideoFrames);

/** Schedules a stream titled `title` in the studio's form, featuring its first product; the
 *  stream page's path. */
async function schedule(page: Page, js: boolean | undefined, title: string): Promise<string> {
  await page.goto('/exhibitor/live');
  await ready(page, js);
  await page.getByLabel('Title (English)').fill(title);
  await page.getByLabel('Title (Arabic, optional)').fill('مصابيح الربيع');
  await page.getByLabel('Day').fill(dayAhead(2));
  await page.getByLabel(/^Starts at/).fill('10:30');
  await page.locator('.featured-products input[type="checkbox"]').first().check();
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByText('The stream is scheduled')).toBeVisible();
  const link = page.locator('.stream-list a.stream-title', { hasText: title });
  return (await link.getAttribute('href'))!;
}

test('a team schedules a stream, goes live from the studio, and two buyers watch it', async ({ page, browser }, info) => {
  const js = info.project.use.javaScriptEnabled;
  test.skip(js === false, 'going live and watching run in the browser');
  test.setTimeout(120_000);
  await signIn(page, js, demo.exhibitor2);
  const path = await schedule(page, js, 'Spring lamps, live');
  const id = path.split('/').pop()!;
  await expectAccessible(page, js);

  // The team goes live with the scheduled stream from this browser.
  await page.getByLabel('Stream', { exact: true }).selectOption(id);
  await page.getByRole('button', { name: 'Start streaming' }).click();
  await expect(page.locator('#publish-state')).toHaveText('You are live.', { timeout: 20_000 });
  await expect.poll(() => page.locator('#publisher-preview').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);

  // Two buyers find it on /live and watch it.
  const first = await otherPerson(browser, js);
  await signIn(first.page, js, demo.buyer);
  await first.page.goto('/live');
  await first.page.locator('.stream-item.is-live a.stream-title', { hasText: 'Spring lamps, live' }).click();
  await expect(first.page).toHaveURL(new RegExp(`${path}$`));
  const second = await otherPerson(browser, js);
  await second.page.goto(path);
  for (const viewer of [first.page, second.page]) {
    await ready(viewer, js);
    await expect(viewer.locator('#player-state')).toHaveText('You are watching live.', { timeout: 20_000 });
    await expect.poll(() => framesShown(viewer), { timeout: 15_000 }).toBeGreaterThan(10);
    const before = await framesShown(viewer);
    await expect.poll(() => framesShown(viewer), { timeout: 5_000 }).toBeGreaterThan(before + 10);
    await expect(viewer.locator('#viewer-count')).toHaveText('Watching: 2', { timeout: 5_000 });
  }
  await expect(first.page.locator('main .product-card')).toHaveCount(1);
  // The first buyer opens the stream in a second tab: still two people watching.
  const again = await first.page.context().newPage();
  await again.goto(path);
  await expect(again.locator('#player-state')).toHaveText('You are watching live.', { timeout: 20_000 });
  await expect(again.locator('#viewer-count')).toHaveText('Watching: 2');
  await expect(page.locator('.desk .count-peak')).toHaveText('Most at once: 2', { timeout: 5_000 });
  await again.close();

  // The team pins a product: both viewers see it under the video; the buyer inquires in one
  // step without leaving the stream, and the team's desk shows the inquiry arrive.
  await page.locator('#pin-product').selectOption({ index: 1 });
  const pinned = (await page.locator('#pin-product option').nth(1).textContent())!.trim();
  await page.getByRole('button', { name: 'Show under the video' }).click();
  for (const viewer of [first.page, second.page]) {
    await expect(viewer.locator('#pinned-product')).toContainText(pinned, { timeout: 5_000 });
  }
  await expect(second.page.locator('#pinned-product')).toContainText('Sign in as a buyer');
  const place = first.page.getByLabel('Port or city');
  if (!(await place.inputValue())) await place.fill('Santos');
  await first.page.getByRole('button', { name: 'Send an inquiry' }).click();
  await expect(first.page.locator('#pinned-product [role="status"]')).toContainText('Inquiry sent');
  await expect(first.page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.locator('#desk-inquiries li')).toHaveCount(1, { timeout: 5_000 });
  await expect(page.locator('#desk-inquiries li')).toContainText(pinned);
  await expect(page.locator('.desk .count-inquiries')).toHaveText('Inquiries: 1');

  // The chat passes both ways: the buyer asks, the visitor and the team read it; the team
  // answers from its desk, marked as the team's; a visitor is asked to sign in to write.
  await first.page.getByLabel('Message', { exact: true }).fill('Do you ship to Santos?');
  await first.page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(first.page.getByLabel('Message', { exact: true })).toHaveValue('');
  await expect(second.page.locator('#stream-chat-log')).toContainText('Do you ship to Santos?', { timeout: 5_000 });
  await expect(page.locator('#desk-chat')).toContainText('Do you ship to Santos?', { timeout: 5_000 });
  await expect(second.page.getByRole('link', { name: 'Sign in to write in the chat' })).toBeVisible();
  await page.getByLabel('Message', { exact: true }).fill('Yes, from Ningbo in 30 days');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const answer = first.page.locator('#stream-chat-log .chat-line', { hasText: 'Yes, from Ningbo in 30 days' });
  await expect(answer).toBeVisible({ timeout: 5_000 });
  await expect(answer.locator('.chat-team')).toHaveText('Team');
  // The team mutes the buyer: their next message is refused with the reason.
  await expect(page.locator('#desk-chat .chat-mute')).toHaveCount(1);
  await page.locator('#desk-chat .chat-mute').click();
  await expect.poll(async () => {
    await first.page.getByLabel('Message', { exact: true }).fill('Hello?');
    await first.page.getByRole('button', { name: 'Send', exact: true }).click();
    return first.page.locator('#stream-chat-refused').textContent({ timeout: 2_000 }).catch(() => '');
  }, { timeout: 10_000 }).toContain('The team has muted you');
  // The browser logs each refused message's 409: those are the refusals the buyer was told.
  for (let i = first.errors.length - 1; i >= 0; i--) {
    if (first.errors[i].includes('status of 409')) first.errors.splice(i, 1);
  }
  await expect(first.page.getByRole('link', { name: 'Book a meeting' })).toHaveAttribute('href', new RegExp(`\\?stream=${id}$`));
  await expectAccessible(first.page, js);
  await expectAccessible(page, js);

  // The team stops: both pages say the stream ended, and it is a replay on /live.
  await page.getByRole('button', { name: 'Stop streaming' }).click();
  await expect(page.locator('#publish-state')).toHaveText('Not streaming.');
  for (const viewer of [first.page, second.page]) {
    await expect(viewer.locator('#player-state')).toHaveText('The stream has ended.', { timeout: 15_000 });
  }
  // The replay's page lists the product shown as a chapter, and keeps the chat.
  await first.page.goto(path);
  await expect(first.page.locator('#chapter-list')).toContainText(pinned);
  await expect(first.page.locator('#stream-chat-log')).toContainText('Yes, from Ningbo in 30 days');
  await first.page.goto('/live');
  await expect(first.page.locator('.stream-list').last().getByText('Spring lamps, live')).toBeVisible();
  // The studio keeps the replay's counts: two people, one inquiry.
  await page.reload();
  const replay = page.locator('.stream-item', { hasText: 'Spring lamps, live' });
  await expect(replay.locator('.count-people')).toHaveText('People who watched: 2');
  await expect(replay.locator('.count-peak')).toHaveText('Most at once: 2');
  await expect(replay.locator('.count-inquiries')).toHaveText('Inquiries: 1');
  // The team takes the replay off the fair: its page is no one else's any more.
  await replay.getByRole('button', { name: 'Take the replay off the fair' }).click();
  await expect(page.locator('.stream-item', { hasText: 'Spring lamps, live' }).locator('.replay-off')).toBeVisible();
  expect((await second.page.request.get(path)).status()).toBe(404);
  expect(first.errors).toEqual([]);
  expect(second.errors).toEqual([]);
  await first.close();
  await second.close();
});

test('without JavaScript a team schedules a stream and its page shows what it will show', async ({ page, browser }, info) => {
  const js = info.project.use.javaScriptEnabled;
  test.skip(js !== false, 'the form and the page without JavaScript');
  await signIn(page, js, demo.exhibitor2);
  const path = await schedule(page, js, 'Autumn kettles, live');
  const visitor = await otherPerson(browser, js);
  await visitor.page.goto(path);
  await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Autumn kettles, live');
  await expect(visitor.page.locator('#stream-status')).toHaveText('Scheduled');
  await expect(visitor.page.getByText(/^Starts: .* 02:30 \(UTC\)$/)).toBeVisible();
  // A browser with scripts turned off shows the <noscript> word; this one parses it as text.
  expect(await visitor.page.content()).toContain('<noscript><p>Watching needs JavaScript.');
  await expect(visitor.page.locator('main .product-card')).toHaveCount(1);
  await visitor.page.goto('/live');
  await expect(visitor.page.getByText('Autumn kettles, live')).toBeVisible();
  // The booth shows its live or next stream (the other test may be live with this team).
  await visitor.page.locator('.stream-item', { hasText: 'Autumn kettles, live' }).locator('a.stream-exhibitor').click();
  await expect(visitor.page.locator('.booth-stream')).toContainText(/Next live stream|Live now/);
  await expect(visitor.page.locator('.booth-stream a')).toHaveAttribute('href', /^\/live\/\d+$/);
  await visitor.close();
});
