// An exhibitor writes a product's title and description in French and Arabic in the editor
// (fields marked with their language and direction); buyers reading the fair in French and
// Arabic see them, a Spanish reader sees the English marked as English, and a French search
// finds the product under another form of its French words. Each project uses its own demo
// exhibitor, and edits the second product of its list (the products test only ever adds one
// at the end and moves that one to the top).
import { test, expect, ready, searchReady, signIn } from './fixtures';

test('a product written in more languages is shown and found in each', async ({ page }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const [email, password] = js
    ? ['exhibitor@demo.cloudfair.test', 'demo-exhibitor']
    : ['exhibitor2@demo.cloudfair.test', 'demo-exhibitor-2'];
  // A made-up word per project (not one typo from the other's), so that the search finds
  // this product alone.
  const word = info.project.name === 'hydrated' ? 'Quorvantel' : 'Zibrosque';
  const french = `Lanternes ${word} en bambou`;
  const arabic = `فانوس ${word} من الخيزران`;

  await signIn(page, js, [email, password]);
  await page.getByRole('link', { name: 'My products' }).click();
  await ready(page, js);
  const edit = page.locator('.team-products li > a[href^="/exhibitor/products/"]').nth(1);
  const id = (await edit.getAttribute('href'))!.split('/').pop()!;
  await edit.click();
  await ready(page, js);
  const english = await page.getByLabel('Title (English)').inputValue();
  const frenchTitle = page.getByLabel('Title (French, optional)');
  await expect(frenchTitle).toHaveAttribute('lang', 'fr');
  await expect(frenchTitle).toHaveAttribute('dir', 'ltr');
  await expect(page.getByLabel('Title (Arabic, optional)')).toHaveAttribute('dir', 'rtl');
  await frenchTitle.fill(french);
  await page.getByLabel('Description (French, optional)').fill('Lumière douce, piles incluses.');
  await page.getByLabel('Title (Arabic, optional)').fill(arabic);
  await page.getByLabel('Title (Spanish, optional)').fill('');
  await page.getByLabel('Description (Spanish, optional)').fill('');
  await page.getByRole('button', { name: 'Save the product' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Saved\./);
  await ready(page, js);
  await expect(page.getByLabel('Title (French, optional)')).toHaveValue(french);

  const heading = page.getByRole('heading', { level: 1 });
  await page.goto(`/products/${id}?lang=fr`);
  await ready(page, js);
  await expect(heading).toHaveText(french);
  await expect(heading.locator('span').first()).not.toHaveAttribute('lang', /./);
  await expect(page.locator('.description')).toHaveText('Lumière douce, piles incluses.');
  await page.goto(`/products/${id}?lang=ar`);
  await ready(page, js);
  await expect(heading).toHaveText(arabic);
  await page.goto(`/products/${id}?lang=es`);
  await ready(page, js);
  await expect(heading).toHaveText(english);
  await expect(heading.locator('span').first()).toHaveAttribute('lang', 'en');

  // "lanterne" (singular) finds "Lanternes"; the card shows the French title.
  await searchReady(page);
  await expect(async () => {
    await page.goto(`/search?q=${encodeURIComponent(`lanterne ${word}`)}&lang=fr`);
    await expect(page.locator('main .product-card .card-title')).toHaveText([french], { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(page.locator('main .product-card .card-title')).not.toHaveAttribute('lang', /./);
});
