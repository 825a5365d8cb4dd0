// The live media path in real browsers: a demo team's encoder (here Chromium's fake camera,
// speaking WHIP with the team's stream key) goes live; a visitor in another context watches
// over WebRTC (WHEP) and decodes frames; when the team stops, the stream ends and a new
// viewer is told it is not live; an encoder whose connection drops comes back to the same
// stream while the stream page says "Reconnecting…" and then plays again.
// WebRTC needs JavaScript: the hydrated project only.
import { test, expect, demo, signIn, otherPerson } from './fixtures';
import type { Page } from '@playwright/test';

/** Publishes the fake camera and microphone with the team's new stream key; the resource. */
async function goLive(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const editor = await (await fetch('/api/get_booth_editor', { method: 'POST', headers: form })).json();
    const made = await fetch('/api/rotate_stream_key', { method: 'POST', headers: form, body: `exhibitor=${editor.exhibitor}` });
    const key: string = await made.json();
    const media = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
    const pc = new RTCPeerConnection();
    (window as any).publisher = pc;
    pc.addTransceiver(media.getVideoTracks()[0], { direction: 'sendonly' });
    pc.addTransceiver(media.getAudioTracks()[0], { direction: 'sendonly' });
    await pc.setLocalDescription();
    const answer = await fetch('/live/whip', {
      method: 'POST',
      headers: { 'Content-Type': 'application/sdp', Authorization: `Bearer ${key}` },
      body: pc.localDescription!.sdp,
    });
    if (answer.status !== 201) throw new Error(`WHIP answered ${answer.status}: ${await answer.text()}`);
    await pc.setRemoteDescription({ type: 'answer', sdp: await answer.text() });
    return `${answer.headers.get('Location')}|${key}`;
  });
}

/** Joins stream `id` over WHEP; the status. */
async function watch(page: Page, id: string): Promise<number> {
  return page.evaluate(async (id) => {
    const pc = new RTCPeerConnection();
    (window as any).viewer = pc;
    pc.addTransceiver('video', { direction: 'recvonly' });
    pc.addTransceiver('audio', { direction: 'recvonly' });
    const video = document.createElement('video');
    video.muted = true;
    video.autoplay = true;
    document.body.append(video);
    const media = new MediaStream();
    video.srcObject = media;
    pc.ontrack = (event) => media.addTrack(event.track);
    await pc.setLocalDescription();
    const answer = await fetch(`/live/streams/${id}/whep`, {
      method: 'POST', headers: { 'Content-Type': 'application/sdp' }, body: pc.localDescription!.sdp,
    });
    if (answer.status === 201) await pc.setRemoteDescription({ type: 'answer', sdp: await answer.text() });
    return answer.status;
  }, id);
}

/** Video frames the viewer has decoded so far. */
const framesDecoded = (page: Page) => page.evaluate(async () => {
  let frames = 0;
  (await (window as any).viewer.getStats()).forEach((report: any) => {
    if (report.type === 'inbound-rtp' && report.kind === 'video') frames = report.framesDecoded ?? 0;
  });
  return frames;
});

test('a team goes live with its encoder key and a visitor watches the frames arrive', async ({ page, browser }, info) => {
  test.skip(info.project.use.javaScriptEnabled === false, 'WebRTC runs in the browser');
  await signIn(page, true, demo.exhibitor);
  const [resource, key] = (await goLive(page)).split('|');
  const stream = resource.match(/^\/live\/streams\/(\d+)\/sessions\/[\w-]+$/)![1];

  const visitor = await otherPerson(browser, true);
  await visitor.page.goto('/');
  expect(await watch(visitor.page, stream)).toBe(201);
  await expect.poll(() => framesDecoded(visitor.page), { timeout: 15_000 }).toBeGreaterThan(10);
  const before = await framesDecoded(visitor.page);
  await expect.poll(() => framesDecoded(visitor.page), { timeout: 5_000 }).toBeGreaterThan(before + 10);
  expect(await page.evaluate(() => (window as any).publisher.connectionState)).toBe('connected');

  // The team stops: the stream ends, and a new viewer is told so.
  const stopped = await page.evaluate(async ([resource, key]) =>
    (await fetch(resource, { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } })).status, [resource, key]);
  expect(stopped).toBe(200);
  const late = await otherPerson(browser, true);
  await late.page.goto('/');
  expect(await watch(late.page, stream)).toBe(409);
  expect(visitor.errors).toEqual([]);
});

/** Publishes the fake camera again to stream `id` with `key`; the WHIP status. */
async function publishAgain(page: Page, id: string, key: string): Promise<number> {
  return page.evaluate(async ([id, key]) => {
    const media = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
    const pc = new RTCPeerConnection();
    pc.addTransceiver(media.getVideoTracks()[0], { direction: 'sendonly' });
    pc.addTransceiver(media.getAudioTracks()[0], { direction: 'sendonly' });
    await pc.setLocalDescription();
    const answer = await fetch(`/live/streams/${id}/whip`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/sdp', Authorization: `Bearer ${key}` },
      body: pc.localDescription!.sdp,
    });
    if (answer.status === 201) {
      await pc.setRemoteDescription({ type: 'answer', sdp: await answer.text() });
      (window as any).publisher = pc;
    } else {
      pc.close();
    }
    return answer.status;
  }, [id, key]);
}

/** Frames the stream page's player has presented so far. */
const framesShown = (page: Page) =>
  page.locator('#live-video').evaluate((video: HTMLVideoElement) => video.getVideoPlaybackQuality().totalVideoFrames);

test('a publisher whose connection drops comes back, and the page says reconnecting meanwhile', async ({ page, browser }, info) => {
  test.skip(info.project.use.javaScriptEnabled === false, 'WebRTC runs in the browser');
  test.setTimeout(90_000);
  await signIn(page, true, demo.exhibitor);
  const [resource, key] = (await goLive(page)).split('|');
  const stream = resource.match(/^\/live\/streams\/(\d+)\/sessions\/[\w-]+$/)![1];

  const visitor = await otherPerson(browser, true);
  await visitor.page.goto(`/live/${stream}`);
  const state = visitor.page.locator('#player-state');
  await expect(state).toHaveText('You are watching live.', { timeout: 20_000 });
  await expect.poll(() => framesShown(visitor.page), { timeout: 15_000 }).toBeGreaterThan(10);

  // The encoder's connection drops without a word (no DELETE): the page says it is
  // reconnecting, not an error, and stays on the stream.
  await page.evaluate(() => (window as any).publisher.close());
  await expect(state).toHaveText('Reconnecting…', { timeout: 15_000 });
  await expect(visitor.page.getByRole('alert')).toHaveCount(0);

  // The encoder comes back to the same stream (once the server has let the dropped
  // connection go): the same page plays again.
  await expect.poll(() => publishAgain(page, stream, key), { timeout: 30_000, intervals: [1_000] }).toBe(201);
  await expect(state).toHaveText('You are watching live.', { timeout: 20_000 });
  const before = await framesShown(visitor.page);
  await expect.poll(() => framesShown(visitor.page), { timeout: 10_000 }).toBeGreaterThan(before + 10);
  await expect(visitor.page).toHaveURL(new RegExp(`/live/${stream}$`));
  expect(visitor.errors).toEqual([]);
});
