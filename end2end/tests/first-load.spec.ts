// The light first load: a catalogue page (home, category, section, hall, booth, product,
// search, directory) loads the islands bundle, never the whole site's, and its script and
// WebAssembly stay within 150 KiB as transferred; any other page loads the whole site's.
// (Times on a slow link are measured by `make first-load`, not here.)
import { test, expect, ready, searchReady } from './fixtures';
import type { Page } from '@playwright/test';

const BUDGET = 150 * 1024;

/** The script and wasm files a visit to `path` loaded, with the bytes each took on the wire. */
async function scriptsOf(page: Page, path: string) {
  const loaded: { name: string; bytes: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    const name = new URL(request.url()).pathname;
    if (!/\.(js|wasm)$/.test(name) || name.startsWith('/vendor/')) return;
    pending.push(request.sizes().then((sizes) => {
      loaded.push({ name, bytes: sizes.responseBodySize + sizes.responseHeadersSize });
    }));
  });
  await page.goto(path);
  await ready(page, true);
  await page.waitForLoadState('load');
  await Promise.all(pending);
  return loaded;
}

test('catalogue pages load only the islands bundle, within 150 KiB', async ({ page }, info) => {
  test.skip(info.project.use.javaScriptEnabled === false, 'without JavaScript nothing is loaded');
  await searchReady(page);
  await page.goto('/');
  const first = (prefix: string) => page.locator(`main a[href^="${prefix}"]`).first().getAttribute('href');
  const category = (await first('/categories/'))!;
  const product = (await first('/products/'))!;
  await page.goto(category);
  const section = (await first('/sections/'))!;
  await page.goto(section);
  const hall = (await first('/halls/'))!;
  await page.goto('/exhibitors');
  const booth = (await first('/exhibitors/'))!;
  for (const path of ['/', category, section, hall, booth, product, '/search?q=lamp', '/exhibitors']) {
    const scripts = await scriptsOf(page, path);
    expect(scripts.map((s) => s.name).filter((name) => !name.startsWith('/pkg/cloud-fair-islands.')), path).toEqual([]);
    expect(scripts.map((s) => s.name.split('.').pop()).sort(), path).toEqual(['js', 'wasm']);
    const bytes = scripts.reduce((sum, s) => sum + s.bytes, 0);
    expect(bytes, `${path}: ${bytes} B of script and wasm`).toBeLessThanOrEqual(BUDGET);
  }
});

test('other pages load the whole site\'s bundle', async ({ page }, info) => {
  test.skip(info.project.use.javaScriptEnabled === false, 'without JavaScript nothing is loaded');
  const scripts = await scriptsOf(page, '/sign-in');
  expect(scripts.map((s) => s.name.replace(/\.[^.]+\.(js|wasm)$/, '.$1')).sort()).toEqual(['/pkg/cloud-fair.js', '/pkg/cloud-fair.wasm']);
});
