// An exhibitor adds a product (a refused price first), uploads its photos, sees it as buyers
// do, moves it to the top of the booth (dragged when hydrated, arrow buttons without
// JavaScript) and deletes it; then imports 1,000 products from an XLSX file (two bad rows
// among them) and reads the report. Each project uses its own demo exhibitor; the two tests
// run one after the other, since the import fills the list the first one orders.
import { test, expect, ready, expectAccessible, expectedStatus, signIn } from './fixtures';
import type { Page } from '@playwright/test';
import { deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';

test.describe.configure({ mode: 'default' });

/** Signs in as the project's demo exhibitor and opens the product list. */
async function openProducts(page: Page, js: boolean | undefined) {
  const [email, password] = js
    ? ['exhibitor@demo.cloudfair.test', 'demo-exhibitor']
    : ['exhibitor2@demo.cloudfair.test', 'demo-exhibitor-2'];
  await signIn(page, js, [email, password]);
  await page.getByRole('link', { name: 'My products' }).click();
  await ready(page, js);
}

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

/** A one-triangle binary glTF 2.0 model. */
function triangleGlb(): Buffer {
  const positions = Buffer.alloc(36);
  [0, 0, 0, 1, 0, 0, 0, 1, 0].forEach((v, i) => positions.writeFloatLE(v, i * 4));
  let json = JSON.stringify({
    asset: { version: '2.0' }, scene: 0, scenes: [{ nodes: [0] }], nodes: [{ mesh: 0 }],
    meshes: [{ primitives: [{ attributes: { POSITION: 0 } }] }],
    buffers: [{ byteLength: 36 }], bufferViews: [{ buffer: 0, byteLength: 36 }],
    accessors: [{ bufferView: 0, componentType: 5126, count: 3, type: 'VEC3', min: [0, 0, 0], max: [1, 1, 0] }],
  });
  while (json.length % 4) json += ' ';
  const header = Buffer.alloc(12);
  header.write('glTF', 0, 'ascii');
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(12 + 8 + json.length + 8 + 36, 8);
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32LE(data.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, data]);
  };
  return Buffer.concat([header, chunk('JSON', Buffer.from(json)), chunk('BIN\0', positions)]);
}

test('an exhibitor builds a product with photos, orders it first and deletes it', async ({ page, errors }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const title = `Lantern ${info.project.name} ${Date.now()}`;
  await openProducts(page, js);
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
  await page.getByRole('button', { name: 'Save the product' }).click();
  await expect(page).toHaveURL(/\/exhibitor\/products\/\d+\?saved=1$/);
  await ready(page, js);
  if (js) {
    // A draft saves itself a moment after a change, and leaving then asks nothing.
    await page.getByLabel('Unit (English)').fill('lanterns');
    await expect(page.getByText(/^Draft saved automatically at \d\d:\d\d\.$/)).toBeVisible();
    await page.reload();
    await ready(page, js);
    await expect(page.getByLabel('Unit (English)')).toHaveValue('lanterns');
  }
  // The team previews the draft on its public page; buyers cannot see it yet.
  await page.getByRole('link', { name: 'Preview the draft as buyers will see it' }).click();
  await ready(page, js);
  await expect(page.getByRole('note')).toHaveText('A draft: only your team sees this page. Publish it in the editor to show it to buyers.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.goBack();
  await ready(page, js);
  await page.getByLabel('Published: buyers see it').check();
  await page.getByRole('button', { name: 'Save the product' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved. Published products are visible to buyers now.');
  await expect(page).toHaveURL(/\/exhibitor\/products\/\d+\?saved=1$/);
  await ready(page, js);
  if (js) {
    // Unsaved changes: following a link asks first; staying keeps them. The saved page is
    // reached by the router: wait for its data, or the typing lands in the form it replaces.
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Title (Chinese, optional)').fill('灯笼');
    page.once('dialog', (dialog) => dialog.dismiss());
    await page.getByRole('link', { name: 'All products' }).click();
    await expect(page.getByLabel('Title (Chinese, optional)')).toHaveValue('灯笼');
    await page.getByRole('button', { name: 'Save the product' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved. Published products are visible to buyers now.');
  }

  await page.getByLabel(/^Photos/).setInputFiles([
    { name: 'front.png', mimeType: 'image/png', buffer: png(64, [200, 60, 20]) },
    { name: 'side.png', mimeType: 'image/png', buffer: png(48, [20, 90, 200]) },
  ]);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Upload photos' }).click()]);
  await expect(page.locator('.photo-list img')).toHaveCount(2);
  await ready(page, js);

  // A 3D model: a page disguised as one is refused, a real one kept.
  await page.getByLabel(/^3D model/).setInputFiles({ name: 'lamp.glb', mimeType: 'model/gltf-binary', buffer: Buffer.from('<html></html>') });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Upload the model' }).click()]);
  await expect(page.getByText('This file is not a glTF 2.0 model (.glb or .gltf).')).toBeVisible();
  await ready(page, js);
  await page.getByLabel(/^3D model/).setInputFiles({ name: 'lamp.glb', mimeType: 'model/gltf-binary', buffer: triangleGlb() });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Upload the model' }).click()]);
  await expect(page.getByText(/^Current model: [0-9a-f]{64}\.glb$/)).toBeVisible();
  await ready(page, js);

  await page.getByRole('link', { name: 'View as buyers see it' }).click();
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(page.locator('.facts')).toContainText('US$ 4.20–5.10');
  await expect(page.locator('.facts')).toContainText('9405.40');
  await expect(page.locator('.specs')).toContainText('2000 mAh');
  await expect(page.locator('.main-image')).toHaveAttribute('src', /^\/media\/uploads\/[0-9a-f]{64}-480\.jpg$/);
  await expect(page.locator('.thumbs img')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Download the 3D model' })).toHaveAttribute('href', /\.glb$/);
  if (js) {
    expect(await page.evaluate(() => customElements.get('model-viewer') === undefined), 'no viewer before it is asked for').toBe(true);
    await page.getByRole('button', { name: 'View in 3D' }).click();
    await expect(page.locator('model-viewer')).toHaveJSProperty('loaded', true, { timeout: 20_000 });
  }

  // To the top of the booth's list.
  await page.goto('/exhibitor/products');
  await ready(page, js);
  const rows = page.locator('.team-products > li');
  const mine = rows.filter({ hasText: title });
  await expect(rows.last()).toContainText(title);
  if (js) {
    // Tall enough that nothing scrolls while dragging: Chromium would pick the row that
    // scrolled under the pointer as the one dragged.
    await page.setViewportSize({ width: 1280, height: 2400 });
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
  await page.getByRole('group', { name: 'Your account' }).getByRole('link', { name: 'My booth' }).click();
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

async function workbook(prefix: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Products');
  sheet.addRow(['sku', 'title_en', 'price_min', 'currency', 'moq', 'unit_en', 'lead_time_days', 'published']);
  for (let n = 1; n <= 1000; n++) {
    sheet.addRow([`${prefix}-${n}`, `${prefix} lamp ${n}`, 2.5, 'USD', 100, 'pieces', 20, 'yes']);
  }
  sheet.addRow([`${prefix}-bad`, '', 'cheap', 'USD', 100, 'pieces', 20, 'yes']);
  sheet.addRow([`${prefix}-1`, 'Twin', 1, 'USD', 1, 'pieces', 1, 'yes']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test('an exhibitor imports 1,000 products from an XLSX file', async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const prefix = `Imp${info.project.name}${Date.now()}`;
  await openProducts(page, js);
  await page.getByRole('link', { name: 'Import products' }).click();
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import products');
  await expectAccessible(page, js);

  // A file that is no table is refused as a whole.
  await page.getByLabel('File (CSV or XLSX, up to 20 MB)').setInputFiles({ name: 'photo.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0xff]) });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Import' }).click()]);
  await expect(page.getByText('This is neither a CSV nor an XLSX file.')).toBeVisible();
  await ready(page, js);

  await page.getByLabel('File (CSV or XLSX, up to 20 MB)').setInputFiles({
    name: 'lamps.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await workbook(prefix),
  });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Import' }).click()]);
  await expect(page.locator('.import-report [role=status]')).toHaveText('lamps.xlsx: 1000 products added, 0 updated, 2 rows skipped.', { timeout: 30_000 });
  await expect(page).toHaveURL(/\/exhibitor\/products\/import\?report=\d+$/);
  const skipped = page.locator('.import-errors tbody tr');
  await expect(skipped.first()).toContainText('1002');
  await expect(page.locator('.import-errors')).toContainText('An earlier row of the file has this SKU.');
  await expectAccessible(page, js);

  await page.getByRole('link', { name: 'All products' }).click();
  await ready(page, js);
  await expect(page.locator('.team-products')).toContainText(`${prefix} lamp 1`);
});
