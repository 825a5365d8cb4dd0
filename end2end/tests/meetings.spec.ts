// A meeting booked across time zones, a buyer and an exhibitor each in a browser context of
// their own: the team publishes times in Shanghai, the buyer in Berlin books one and sees
// it in both zones, the team confirms and sees the same moment in its own zone first, and
// the calendar file is there for the buyer. Plain forms: the same in both projects; the
// hydrated run meets the first demo exhibitor, the JavaScript-off one the second.
import { test, expect, ready, demo, signIn, otherPerson } from './fixtures';

const buyer = demo.buyer;
const exhibitors = { hydrated: demo.exhibitor, 'no-js': demo.exhibitor2 };
const context = otherPerson;

/** The day `days` from now in Shanghai, as YYYY-MM-DD. */
const dayAhead = (days = 3) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

test('a meeting is booked and shown in both time zones', async ({ browser }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const team = await context(browser, js, 'Asia/Shanghai');
  const visitor = await context(browser, js, 'Europe/Berlin');
  const page = visitor.page;

  // The team works in Shanghai and publishes two half hours from 09:00.
  await signIn(team.page, js, js === false ? exhibitors['no-js'] : exhibitors.hydrated);
  await team.page.goto('/exhibitor/meetings');
  await ready(team.page, js);
  await team.page.getByLabel("Your team's time zone").selectOption('Asia/Shanghai');
  await team.page.getByRole('button', { name: 'Save the time zone' }).click();
  await expect(team.page.getByRole('heading', { name: 'Publish free times (in Asia/Shanghai)' })).toBeVisible();
  await ready(team.page, js);
  await team.page.getByLabel('Day').fill(dayAhead());
  await team.page.getByLabel('From').fill('09:00');
  await team.page.getByLabel('To', { exact: true }).fill('10:00');
  await team.page.getByRole('button', { name: 'Publish these times' }).click();
  for (const time of ['09:00', '09:30']) {
    await expect(team.page.locator('ul.slot-list li').filter({ hasText: `${dayAhead()} ${time}` })).toHaveCount(1);
  }
  await team.page.goto('/exhibitor/team');
  const booth = await team.page.getByRole('link', { name: 'See the booth' }).getAttribute('href');

  // The buyer, in Berlin, books the first one from the booth.
  await signIn(page, js, buyer);
  await page.goto(booth!);
  await ready(page, js);
  await page.getByRole('link', { name: 'Book a meeting' }).click();
  await expect(page).toHaveURL(/\/meetings$/);
  await ready(page, js);
  await page.getByLabel('Your time zone').selectOption('Europe/Berlin');
  await page.getByRole('button', { name: 'Save the time zone' }).click();
  const first = page.locator('li.slot').filter({ hasText: dayAhead() }).first();
  await expect(first).toContainText('02:00 your time (Europe/Berlin)');
  await expect(first).toContainText('09:00 their time (Asia/Shanghai)');
  await ready(page, js);
  await first.getByRole('button', { name: 'Request this time' }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  const meeting = new URL(page.url()).pathname;
  await expect(page.locator('#meeting-status')).toHaveText('Requested');
  await expect(page.locator('#meeting-starts')).toContainText('02:00 your time (Europe/Berlin)');
  await expect(page.locator('#meeting-starts')).toContainText('09:00 their time (Asia/Shanghai)');

  // The team sees the same moment, its own zone first, and confirms.
  await team.page.goto(meeting);
  await ready(team.page, js);
  await expect(team.page.locator('#meeting-starts')).toContainText('09:00 your time (Asia/Shanghai)');
  await expect(team.page.locator('#meeting-starts')).toContainText('02:00 their time (Europe/Berlin)');
  await team.page.getByRole('button', { name: 'Confirm the meeting' }).click();
  await expect(team.page.locator('#meeting-status')).toHaveText('Confirmed');

  await page.reload();
  await expect(page.locator('#meeting-status')).toHaveText('Confirmed');
  const ics = await page.getByRole('link', { name: 'Add to your calendar (.ics)' }).getAttribute('href');
  const calendar = await (await page.request.get(ics!)).text();
  expect(calendar).toContain('BEGIN:VEVENT');
  expect(calendar).toContain('STATUS:CONFIRMED');
  await page.goto('/messages?show=meetings');
  await expect(page.locator(`#inbox-meetings a[href="${meeting}"]`)).toBeVisible();
  for (const other of [team, visitor]) {
    expect(other.errors).toEqual([]);
    await other.close();
  }
});

test('the video call connects with the fake camera, and both sides receive frames', async ({ browser }, info) => {
  const js = info.project.use.javaScriptEnabled;
  test.skip(js === false, 'a video call needs JavaScript');
  const team = await context(browser, js, 'Asia/Shanghai');
  const visitor = await context(browser, js, 'Europe/Berlin');
  const page = visitor.page;
  // A confirmed meeting six days ahead with the second demo exhibitor, set up through the
  // same server functions the forms post to.
  await signIn(team.page, js, exhibitors['no-js']);
  await team.page.goto('/exhibitor/team');
  const booth = (await team.page.getByRole('link', { name: 'See the booth' }).getAttribute('href'))!;
  const added = await team.page.request.post('/api/add_availability', {
    form: { 'form[date]': dayAhead(6), 'form[from]': '16:00', 'form[to]': '16:30', 'form[minutes]': '30' },
  });
  expect(added.status()).toBe(200);
  await signIn(page, js, buyer);
  const slug = booth.split('/').pop()!;
  const booking = await (await page.request.post('/api/get_booking_page', { form: { exhibitor: slug } })).json();
  const slot = booking.slots.find((s: { starts: { exhibitor: string } }) => s.starts.exhibitor.includes(`${dayAhead(6)} 16:00`));
  expect(slot).toBeTruthy();
  const booked = await page.request.post('/api/book_meeting', { form: { exhibitor: slug, slot: String(slot.id), topic: 'A call' } });
  expect(booked.status()).toBe(200);
  const meetings = await (await page.request.post('/api/list_meetings')).json();
  const meeting = meetings.find((m: { starts: { exhibitor: string } }) => m.starts.exhibitor.includes(`${dayAhead(6)} 16:00`));
  const confirmed = await team.page.request.post('/api/answer_meeting', { form: { meeting: String(meeting.id), answer: 'confirm' } });
  expect(confirmed.status()).toBe(200);

  // Both join from the meeting's page; the call connects and video flows both ways.
  await page.goto(`/meetings/${meeting.id}`);
  await page.getByRole('link', { name: 'Join the video call' }).click();
  await team.page.goto(`/meetings/${meeting.id}/call`);
  for (const p of [page, team.page]) {
    await ready(p, js);
    await expect(p.locator('#call-state')).toHaveText('Connected.', { timeout: 20_000 });
  }
  for (const p of [page, team.page]) {
    await p.waitForFunction(() => {
      const video = document.querySelector<HTMLVideoElement>('#remote-video');
      return !!video && video.videoWidth > 0 && video.currentTime > 0.5;
    }, undefined, { timeout: 20_000 });
    const frames = await p.evaluate(() => new Promise<number>((resolve) => {
      const video = document.querySelector<HTMLVideoElement>('#remote-video')!;
      video.requestVideoFrameCallback((_, meta) => resolve(meta.presentedFrames));
    }));
    expect(frames).toBeGreaterThan(0);
    // The conversation is beside the call.
    await expect(p.getByLabel('Your message')).toBeVisible();
  }
  // One side leaves; the other is told.
  expect(team.errors).toEqual([]);
  await team.close();
  await expect(page.locator('#call-state')).toHaveText('The other side left the call.');
  expect(visitor.errors).toEqual([]);
  await visitor.close();
});
