// An exhibitor imports 1,000 products from an XLSX file (two bad rows among them), reads the
// report, and finds an imported product on the booth's list; hydrated (the upload's progress
// bar) and with JavaScript off (a plain form). Each project uses its own demo exhibitor.
import { test, expect, ready, expectAccessible } from './fixtures';
import ExcelJS from 'exceljs';

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
  const [email, password] = js
    ? ['exhibitor@demo.cloudfair.test', 'demo-exhibitor']
    : ['exhibitor2@demo.cloudfair.test', 'demo-exhibitor-2'];
  const prefix = `Imp${info.project.name}${Date.now()}`;
  await page.goto('/sign-in');
  await ready(page, js);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password (at least 10 characters)').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'My products' }).click();
  await ready(page, js);
  await page.getByRole('link', { name: 'Import products' }).click();
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import products');
  await expectAccessible(page, js);

  // A file that is no table is refused as a whole.
  await page.getByLabel('File (CSV or XLSX, up to 20 MB)').setInputFiles({ name: 'photo.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0xff]) });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('This is neither a CSV nor an XLSX file.')).toBeVisible();
  await ready(page, js);

  await page.getByLabel('File (CSV or XLSX, up to 20 MB)').setInputFiles({
    name: 'lamps.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await workbook(prefix),
  });
  await page.getByRole('button', { name: 'Import' }).click();
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
