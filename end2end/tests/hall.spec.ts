// The hall map: find a booth, zoom and pan, with the mouse and the keyboard.
import { test, expect, ready, expectAccessible } from './fixtures';

test('find a booth highlights it as you type, and zoom works once hydrated', async ({ page }, info) => {
  test.skip(info.project.use.javaScriptEnabled === false, 'needs the hydrated page');
  await page.goto('/halls/hall-1-1');
  await ready(page, true);
  const map = page.getByRole('group', { name: /Floor plan of the hall/ });
  await expect(map).toHaveAttribute('data-zoom', '1.00');

  const search = page.getByRole('searchbox', { name: 'Find a booth' });
  await search.fill('1.1A0');
  await expect(page.getByRole('status')).toHaveText('Matching booths: 9');
  await expect(page.locator('svg .booth.match')).toHaveCount(9);
  await search.fill('1.1A01');
  await expect(page.locator('svg .booth.match')).toHaveCount(1);
  await expect(page).toHaveURL(/\/halls\/hall-1-1$/); // no reload while typing

  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(map).toHaveAttribute('data-zoom', '2.00');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(map).toHaveAttribute('data-zoom', '4.00');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(map).toHaveAttribute('data-zoom', '2.00');

  const before = await map.getAttribute('viewBox');
  await map.focus();
  await page.keyboard.press('ArrowRight');
  await expect(map).not.toHaveAttribute('viewBox', before!);
  await page.keyboard.press('0');
  await expect(map).toHaveAttribute('data-zoom', '1.00');
  await page.keyboard.press('+');
  await expect(map).toHaveAttribute('data-zoom', '2.00');

  const box = (await map.boundingBox())!;
  const panned = await map.getAttribute('viewBox');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 40, { steps: 5 });
  await page.mouse.up();
  await expect(map).not.toHaveAttribute('viewBox', panned!);
  await expect(page).toHaveURL(/\/halls\/hall-1-1$/); // a drag does not follow a booth's link
  await expectAccessible(page, true);
});

test('find a booth works as a plain form without JavaScript', async ({ page }, info) => {
  test.skip(info.project.use.javaScriptEnabled !== false, 'the JavaScript-off path');
  await page.goto('/halls/hall-1-1');
  await page.getByRole('searchbox', { name: 'Find a booth' }).fill('1.1A03');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(page).toHaveURL(/booth=1\.1A03/);
  await expect(page.locator('svg .booth.match')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeDisabled();
});

test('booths can be reached with the keyboard', async ({ page }, info) => {
  await page.goto('/halls/hall-1-1');
  await ready(page, info.project.use.javaScriptEnabled);
  await page.getByRole('group', { name: /Floor plan of the hall/ }).focus();
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('href', /^\/exhibitors\//);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/exhibitors\/[a-z0-9-]+$/);
});
