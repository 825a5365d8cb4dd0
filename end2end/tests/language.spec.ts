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
