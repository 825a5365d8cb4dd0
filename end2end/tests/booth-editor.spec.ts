// An exhibitor edits the booth's profile, hydrated (rich-text bar) and with JavaScript off
// (HTML in the text area); the public booth page shows it at once, sanitised. Each project
// uses its own demo exhibitor, so the two never edit the same booth at once.
import { test, expect, ready, expectAccessible, expectedStatus, signIn } from './fixtures';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A two-second WebM test picture, 320×240, made by ffmpeg (installed by .ci/setup.sh). */
function sampleWebm(): Buffer {
  const file = join(mkdtempSync(join(tmpdir(), 'cloud-fair-video-')), 'booth.webm');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x240:rate=10',
    '-c:v', 'libvpx', '-b:v', '200k', file]);
  return readFileSync(file);
}

/** A real 8×8 PNG file, and a text file that only claims to be one. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4oaGBFTEMLQkAgl1GAWqNFmsAAAAASUVORK5CYII=', 'base64');
const disguised = Buffer.from('<html><script>alert(1)</script></html>');

test('a demo exhibitor edits the booth profile and previews it', async ({ page, errors }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const [email, password] = js
    ? ['exhibitor@demo.cloudfair.test', 'demo-exhibitor']
    : ['exhibitor2@demo.cloudfair.test', 'demo-exhibitor-2'];
  const marker = `Lanterns ${info.project.name} ${Date.now()}`;
  await signIn(page, js, [email, password]);
  await page.getByRole('link', { name: 'My booth' }).click();
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Edit the booth of /);
  await expectAccessible(page, js);
  // On a phone the signed-in header and the editor fit the screen, in either direction.
  const screen = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 800 });
  for (const lang of ['ar', 'en']) {
    await page.goto(`/exhibitor/booth?lang=${lang}`);
    await ready(page, js);
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll, `no sideways scrolling in ${lang}`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize(screen);

  if (js) {
    const editor = page.getByRole('textbox', { name: 'Description (English)' });
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`${marker} `);
    await page.getByRole('button', { name: 'Bold' }).first().click();
    await page.keyboard.type('since 1998');
    const arabic = page.getByRole('textbox', { name: 'Description (Arabic, optional)' });
    await expect(arabic).toHaveAttribute('dir', 'rtl');
    await arabic.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`فوانيس ${marker}`);
  } else {
    await page.locator('textarea#description_en').fill(`<p>${marker} <strong>since 1998</strong><script>alert(1)</script></p>`);
    await page.locator('textarea#description_ar').fill(`<p>فوانيس ${marker}</p>`);
  }
  await page.getByLabel('Website').fill('not a link');
  await page.evaluate(() => document.querySelectorAll('input[type=url]').forEach((e) => e.setAttribute('type', 'text')));
  await page.getByRole('button', { name: 'Save the profile' }).click();
  await expect(page.getByText('Enter an address starting with https://')).toBeVisible();
  if (js) {
    const i = errors.findIndex((e) => e.includes(expectedStatus(400)));
    expect(i, 'the 400 was logged').toBeGreaterThanOrEqual(0);
    errors.splice(i, 1);
  } else {
    // Without JavaScript the page came back with the last saved descriptions: type them again.
    await page.locator('textarea#description_en').fill(`<p>${marker} <strong>since 1998</strong><script>alert(1)</script></p>`);
    await page.locator('textarea#description_ar').fill(`<p>فوانيس ${marker}</p>`);
  }
  await page.getByLabel('Website').fill('https://lanterns.example');
  await page.getByRole('button', { name: 'Save the profile' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved. Buyers see the changes now.');

  // The logo: a disguised file is refused with the reason, a real image replaces the logo.
  await page.getByLabel(/^Logo/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: disguised });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Upload the logo' }).click()]);
  await expect(page.getByText('This file is not a PNG, JPEG, WebP or GIF image, whatever its name says.')).toBeVisible();
  await ready(page, js);
  await page.getByLabel(/^Logo/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Upload the logo' }).click()]);
  await expect(page.getByRole('status')).toHaveText('Saved. Buyers see the changes now.');
  const logo = await page.locator('.logo-form img').getAttribute('src');
  expect(logo).toMatch(/^\/media\/uploads\/[0-9a-f]{64}-96\.png$/);

  await page.getByLabel(/^Banner/).setInputFiles({ name: 'banner.png', mimeType: 'image/png', buffer: png });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Upload the banner' }).click()]);
  await expect(page.getByRole('status')).toHaveText('Saved. Buyers see the changes now.');
  await ready(page, js);

  // A video: a disguised file is refused; a real one gets a poster frame.
  await page.getByLabel(/^Video/).setInputFiles({ name: 'booth.webm', mimeType: 'video/webm', buffer: disguised });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Upload the video' }).click()]);
  await expect(page.getByText('This file is not an MP4 or WebM video, whatever its name says.')).toBeVisible();
  await ready(page, js);
  await page.getByLabel(/^Video/).setInputFiles({ name: 'booth.webm', mimeType: 'video/webm', buffer: sampleWebm() });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Upload the video' }).click()]);
  await expect(page.getByRole('status')).toHaveText('Saved. Buyers see the changes now.');

  await page.getByRole('link', { name: 'Preview: the booth as buyers see it' }).click();
  await ready(page, js);
  const about = page.locator('.booth-page .description');
  await expect(about).toContainText(marker);
  await expect(about.locator('strong, b')).toHaveText('since 1998');
  expect(await about.innerHTML()).not.toContain('script');
  await expect(page.getByRole('link', { name: 'https://lanterns.example' })).toBeVisible();
  await expect(page.locator('.booth-header img')).toHaveAttribute('src', logo!);
  await expect(page.locator('.booth-banner')).toHaveAttribute('src', /^\/media\/uploads\/[0-9a-f]{64}\.jpg$/);
  const video = page.locator('.booth-video video');
  await expect(video).toHaveAttribute('poster', /^\/media\/uploads\/[0-9a-f]{64}-480\.jpg$/);
  await expect(video).toHaveAttribute('src', /^\/media\/uploads\/[0-9a-f]{64}\.webm$/);
  if (js) {
    // The browser really decodes it.
    const width = await video.evaluate((v: HTMLVideoElement) => new Promise<number>((done) => {
      v.addEventListener('loadeddata', () => done(v.videoWidth), { once: true });
      v.preload = 'auto';
      v.load();
    }));
    expect(width).toBe(320);
  }
  // Arabic readers get the Arabic description, in a page that runs right to left.
  await page.goto(`${new URL(page.url()).pathname}?lang=ar`);
  await ready(page, js);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.booth-page .description')).toHaveText(`فوانيس ${marker}`);
  await expect(page.locator('.booth-page .description')).not.toHaveAttribute('lang');
});
