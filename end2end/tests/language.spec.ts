// Switching language on any page, and keeping the choice.
import { test, expect, ready } from './fixtures';

test('switch to Chinese and back, keeping the choice across pages', async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled;
  await page.goto('/categories/lighting');
  await ready(page, js);
  await page.getByRole('link', { name: '中文' }).click();
  await expect(page).toHaveURL(/\/categories\/lighting$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('照明');
  await ready(page, js);

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
  await expect(page.getByRole('heading', { name: '展品类别' })).toBeVisible();

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Product categories' })).toBeVisible();
});

test('every language of the fair, Arabic right to left', async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const languages = [
    { name: 'العربية', code: 'ar', dir: 'rtl', categories: 'فئات المنتجات' },
    { name: 'Français', code: 'fr', dir: 'ltr', categories: 'Catégories de produits' },
    { name: 'Español', code: 'es', dir: 'ltr', categories: 'Categorías de productos' },
    { name: 'Русский', code: 'ru', dir: 'ltr', categories: 'Категории товаров' },
  ];
  for (const language of languages) {
    await page.goto('/');
    await ready(page, js);
    await page.getByRole('link', { name: language.name, exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', language.code);
    await expect(page.locator('html')).toHaveAttribute('dir', language.dir);
    await expect(page.getByRole('heading', { name: language.categories })).toBeVisible();
    await ready(page, js);
  }

  // Arabic mirrors the layout: the breadcrumb and the gallery run right to left.
  await page.goto('/lang/ar?next=/');
  const product = (await page.locator('main a[href^="/products/"]').first().getAttribute('href'))!;
  await page.goto(product);
  await ready(page, js);
  const crumbs = page.locator('.breadcrumbs li');
  const first = (await crumbs.first().boundingBox())!;
  const last = (await crumbs.last().boundingBox())!;
  expect(first.x + first.width, 'the first crumb on the right').toBeGreaterThan(last.x + last.width);
  const thumbs = page.locator('.thumbs li');
  if ((await thumbs.count()) > 1) {
    const one = (await thumbs.nth(0).boundingBox())!;
    const two = (await thumbs.nth(1).boundingBox())!;
    expect(one.x, 'the first picture on the right').toBeGreaterThan(two.x);
  }
  await page.goto('/lang/en?next=/');
});
