// The live media path in real browsers: a demo team's encoder (here Chromium's fake camera,
// speaking WHIP with the team's stream key) goes live; a visitor in another context watches
// over WebRTC (WHEP) and decodes frames; when the team stops, the stream ends and a new
// viewer is told it is not live. The pages around it come with the live issue's next steps;
// this checks the media server under them. WebRTC needs JavaScript: the hydrated project only.
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
