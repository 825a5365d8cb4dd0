// A buyer sends an image and a PDF in a conversation (a file that is neither first): the
// image shows as a preview linking to the whole, the PDF as a download with its size; both
// are private to the conversation. Hydrated, the upload goes with a progress bar; without
// JavaScript, as a plain multipart form. Each project talks to an exhibitor of its own.
import type { Page } from '@playwright/test';
import { test, expect, ready, demo, signIn } from './fixtures';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * Sends the attachment form and waits for the page it ends on. Both ways end in a page load:
 * without JavaScript the form posts and follows the redirect; hydrated, the upload goes by
 * XMLHttpRequest and the page then loads where the server redirected (the live message may
 * show before that load, so nothing is read off the page until it is done).
 */
async function sendFile(page: Page, js: boolean | undefined) {
  const loaded = page.waitForEvent('load');
  await page.getByRole('button', { name: 'Send the file' }).click();
  await loaded;
  await ready(page, js);
}

test('a buyer sends an image and a PDF, which only the conversation can read', async ({ page, browser }, info) => {
  const js = info.project.use.javaScriptEnabled;
  await signIn(page, js, demo.buyer);
  await page.goto('/exhibitors');
  await page.locator('main a[href^="/exhibitors/"]').nth(js === false ? 5 : 4).click();
  await expect(page).toHaveURL(/\/exhibitors\/[a-z0-9-]+$/);
  await ready(page, js);
  await page.getByRole('button', { name: 'Contact the exhibitor' }).click();
  await expect(page).toHaveURL(/\/messages\/\d+$/);
  await ready(page, js);

  const file = page.getByLabel('Attach an image or a PDF');
  await file.setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just text') });
  await sendFile(page, js);
  await expect(page.locator('.field-error')).toHaveText('This file is neither an image nor a whole PDF.');
  await page.getByLabel('Attach an image or a PDF').setInputFiles({ name: 'sample.png', mimeType: 'image/png', buffer: PNG });
  await page.getByLabel('Caption (optional)').fill('Our colour sample');
  await sendFile(page, js);
  const image = page.getByRole('img', { name: 'sample.jpg' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.locator('.message-body').filter({ hasText: 'Our colour sample' })).toHaveCount(1);

  await page.getByLabel('Attach an image or a PDF').setInputFiles({ name: 'price list.pdf', mimeType: 'application/pdf', buffer: PDF });
  await sendFile(page, js);
  const pdf = page.getByRole('link', { name: 'price list.pdf (PDF, 1 KB)' });
  await expect(pdf).toBeVisible();
  const href = await pdf.getAttribute('href');
  const own = await page.request.get(href!);
  expect(own.status()).toBe(200);
  expect(await own.body()).toEqual(PDF);

  const stranger = await browser.newContext();
  expect((await stranger.request.get(new URL(href!, page.url()).toString())).status()).toBe(401);
  await stranger.close();
});
