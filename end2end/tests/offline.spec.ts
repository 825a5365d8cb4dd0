// Installable, and readable offline: the browser finds the manifest and the service worker
// (public/sw.js) and reports no installability error; a catalogue page visited earlier opens
// with the network off, marked as a saved copy; a page never visited gets the offline page; a
// signed-in person's pages are never kept.
import { test, expect, ready, demo, signIn } from './fixtures';
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test.skip(({ javaScriptEnabled }) => javaScriptEnabled === false, 'service workers need JavaScript');

/** Waits until the service worker controls the page (it installs after the page's load). */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The paths of the pages the service worker keeps. */
function keptPages(page: Page) {
  return page.evaluate(async () => {
    const cache = await caches.open('pages-v1');
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  });
}

test('the browser finds the app installable', async ({}, info) => {
  // Chromium reports every context Playwright opens as incognito, where nothing installs:
  // this test opens a profile of its own.
  const profile = mkdtempSync(join(tmpdir(), 'cloud-fair-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...info.project.use.launchOptions,
    baseURL: info.project.use.baseURL,
  });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await ready(page, true);
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data);
    expect(parsed.display).toBe('standalone');
    expect(parsed.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a product page visited earlier opens offline as a saved copy; others get the offline page', async ({ page, context }) => {
  await page.goto('/');
  await ready(page, true);
  await controlled(page);
  const product = (await page.locator('main a[href^="/products/"]').first().getAttribute('href'))!;
  await page.goto(product);
  await ready(page, true);
  const name = (await page.locator('h1').textContent())!;
  await expect(page.locator('.offline-note')).toBeHidden();
  expect(await keptPages(page)).toContain(product);

  await context.setOffline(true);
  await page.goto(product);
  await expect(page.locator('h1')).toHaveText(name);
  await expect(page.locator('.offline-note')).toBeVisible();
  await expect(page.locator('.offline-note')).toContainText('saved earlier');
  await ready(page, true);

  await page.goto('/exhibitors?page=2');
  await expect(page.locator('h1')).toHaveText('You are offline');
  await context.setOffline(false);
});

test('a signed-in person\'s pages are never kept', async ({ page, context }) => {
  await signIn(page, true, demo.buyer);
  await page.goto('/');
  await ready(page, true);
  await controlled(page);
  const product = (await page.locator('main a[href^="/products/"]').nth(1).getAttribute('href'))!;
  const response = await page.goto(product);
  expect(response!.headers()['cache-control']).toBe('private');
  await page.goto('/messages');
  expect(await keptPages(page)).toEqual([]);

  await context.setOffline(true);
  await page.goto(product);
  await expect(page.locator('h1')).toHaveText('You are offline');
  await context.setOffline(false);
});
