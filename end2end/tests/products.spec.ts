// An exhibitor adds a product (a refused price first), uploads its photos, sees it as buyers
// do, moves it to the top of the booth (dragged when hydrated, arrow buttons without
// JavaScript) and deletes it. Each project uses its own demo exhibitor.
import { test, expect, ready, expectAccessible, expectedStatus } from './fixtures';
import { deflateSync } from 'node:zlib';

/** A real PNG of `side`×`side` pixels in one colour. */
function png(side: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(side).fill(rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array(side).fill(row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('an exhibitor builds a product with photos, orders it first and deletes it', async ({ page, errors }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const [email, password] = js
    ? ['exhibitor@demo.cloudfair.test', 'demo-exhibitor']
    : ['exhibitor2@demo.cloudfair.test', 'demo-exhibitor-2'];
  const title = `Lantern ${info.project.name} ${Date.now()}`;
  await page.goto('/sign-in');
  await ready(page, js);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password (at least 10 characters)').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'My products' }).click();
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Products of /);
  await expectAccessible(page, js);

  await page.getByRole('link', { name: 'New product' }).click();
  await ready(page, js);
  await page.getByLabel('Title (English)').fill(title);
  await page.getByLabel('Lowest unit price').fill('4,2x');
  await page.getByRole('button', { name: 'Save the product' }).click();
  await expect(page.getByText('Enter a price such as 12.50.')).toBeVisible();
  if (js) {
    const i = errors.findIndex((e) => e.includes(expectedStatus(400)));
    expect(i, 'the 400 was logged').toBeGreaterThanOrEqual(0);
    errors.splice(i, 1);
  }
  await expectAccessible(page, js);
  await page.getByLabel('Lowest unit price').fill('4.20');
  await page.getByLabel('Highest unit price (empty for a single price)').fill('5.10');
  await page.getByLabel('Specifications: one per line, as key: value').fill('Battery: 2000 mAh\nWeight: 300 g');
  await page.getByLabel('HS code (6 to 10 digits, optional)').fill('9405.40');
  await page.getByLabel('Published: buyers see it').check();
  await page.getByRole('button', { name: 'Save the product' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved. Published products are visible to buyers now.');
  await expect(page).toHaveURL(/\/exhibitor\/products\/\d+\?saved=1$/);
  await ready(page, js);

  await page.getByLabel(/^Photos/).setInputFiles([
    { name: 'front.png', mimeType: 'image/png', buffer: png(64, [200, 60, 20]) },
    { name: 'side.png', mimeType: 'image/png', buffer: png(48, [20, 90, 200]) },
  ]);
  await page.getByRole('button', { name: 'Upload photos' }).click();
  await expect(page.locator('.photo-list img')).toHaveCount(2);
  await ready(page, js);

  await page.getByRole('link', { name: 'View as buyers see it' }).click();
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(page.locator('.facts')).toContainText('US$ 4.20–5.10');
  await expect(page.locator('.facts')).toContainText('9405.40');
  await expect(page.locator('.specs')).toContainText('2000 mAh');
  await expect(page.locator('.main-image')).toHaveAttribute('src', /^\/media\/uploads\/[0-9a-f]{64}-480\.jpg$/);
  await expect(page.locator('.thumbs img')).toHaveCount(2);

  // To the top of the booth's list.
  await page.goto('/exhibitor/products');
  await ready(page, js);
  const rows = page.locator('.team-products > li');
  const mine = rows.filter({ hasText: title });
  await expect(rows.last()).toContainText(title);
  if (js) {
    await mine.dragTo(rows.first());
    await expect(page.getByRole('status')).toHaveText('The new order is saved.');
    await expect(rows.first()).toContainText(title);
  } else {
    const count = await rows.count();
    for (let n = 1; n < count; n++) {
      await page.getByRole('button', { name: `Move ${title} up` }).click();
      await expect(page.getByRole('status')).toHaveText('The new order is saved.');
    }
  }
  await page.reload();
  await ready(page, js);
  await expect(rows.first()).toContainText(title);
  await page.getByRole('link', { name: 'My booth' }).click();
  await ready(page, js);
  await page.getByRole('link', { name: 'Preview: the booth as buyers see it' }).click();
  await ready(page, js);
  await expect(page.locator('.product-card').first()).toContainText(title);

  await page.goto('/exhibitor/products');
  await mine.getByRole('link', { name: title }).click();
  await ready(page, js);
  const productUrl = await page.getByRole('link', { name: 'View as buyers see it' }).getAttribute('href');
  await page.getByRole('button', { name: 'Delete this product' }).click();
  await expect(page.getByRole('status')).toHaveText('The product was deleted.');
  await expect(page.locator('.team-products')).not.toContainText(title);
  const gone = await page.request.get(productUrl!);
  expect(gone.status()).toBe(404);
});
