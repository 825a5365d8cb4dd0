// A buyer walks the fair: home → category → section → hall → booth → product.
import { test, expect, ready, expectAccessible, expectedStatus } from './fixtures';

test('walk from the home page to a product and back to its booth on the map', async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled;
  await page.goto('/');
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cloud Fair Autumn Session (Online)');
  await expectAccessible(page, js);

  await page.getByRole('link', { name: 'Lighting Equipment' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lighting Equipment');
  await expect(page).toHaveTitle('Lighting Equipment · Cloud Fair');
  await expectAccessible(page, js);

  await page.getByRole('link', { name: 'Indoor Lighting' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indoor Lighting');
  await expectAccessible(page, js);

  await page.getByRole('link', { name: /^Hall / }).first().click();
  await ready(page, js);
  await expect(page.getByRole('group', { name: /Floor plan of the hall/ })).toBeVisible();
  await expectAccessible(page, js);

  const booth = page.getByRole('table').getByRole('link').first();
  const company = (await booth.textContent())!.trim();
  await booth.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(company);
  await expectAccessible(page, js);

  const product = page.locator('.product-card a').first();
  const title = (await product.locator('.card-title').textContent())!.trim();
  await product.click();
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(page.getByRole('table')).toContainText('Material');
  await expectAccessible(page, js);

  await page.getByRole('link', { name: /Show on the hall map/ }).first().click();
  await expect(page.locator('svg .booth.match')).not.toHaveCount(0);
});

test('the exhibitor directory filters by country and pages on', async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled;
  await page.goto('/exhibitors');
  await ready(page, js);
  await page.getByLabel('Country').selectOption('DE');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/country=DE/);
  await expect(page.locator('.exhibitor-card .country').first()).toHaveText('Germany');
  await expectAccessible(page, js);
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/after=\d+/);
  await expect(page.getByRole('link', { name: 'First page' })).toBeVisible();
});

test('an unknown page answers 404 with a page that says so', async ({ page, errors }) => {
  const response = await page.goto('/products/99999999');
  expect(response!.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  const bad = await page.goto('/exhibitors?country=ZZ');
  expect(bad!.status()).toBe(400);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This request could not be understood');
  // The browser logs the two error statuses asked for above; anything else still fails the test.
  for (const status of [404, 400]) {
    const i = errors.findIndex((e) => e.includes(expectedStatus(status)));
    expect(i, `the ${status} was logged`).toBeGreaterThanOrEqual(0);
    errors.splice(i, 1);
  }
});

test('the bundle files carry their hash and are cached for a year', async ({ page, request }) => {
  // A catalogue page (the islands bundle) and another (the whole site's).
  for (const path of ['/', '/sign-in']) {
    await page.goto(path);
    const files = await page.evaluate(() =>
      [...document.querySelectorAll('link[href^="/pkg/"], link[id="leptos"]')].map((l) => l.getAttribute('href')!),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file).toMatch(/^\/pkg\/cloud-fair(-islands)?\.[A-Za-z0-9_-]{16,}\.(css|js|wasm)$/);
      const response = await request.get(file);
      expect(response.status()).toBe(200);
      expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  }
});
