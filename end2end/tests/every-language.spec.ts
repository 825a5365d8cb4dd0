// The main journeys in each language beyond English (whose own tests are walk, search,
// accounts, messages and deals), hydrated and with JavaScript off: a buyer walks from the home
// page to a product, searches, registers with a name in the language's own script, verifies
// the address (the mail in the language), signs in, writes to the exhibitor and sends an
// inquiry. Every label and heading is the language's own text from app/locales, so a page
// that fell back to English or showed a key would fail; what the buyer typed comes back
// unchanged.
import { test, expect, ready, mailTo, linkIn, searchReady } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const languages = {
  zh: { dir: 'ltr', search: '水壶', greeting: '您好', name: '李娜', company: '深圳明光贸易', message: '你们能发货到深圳吗？' },
  ar: { dir: 'rtl', search: 'غلاية', greeting: 'مرحبًا', name: 'ليلى حداد', company: 'حداد للاستيراد', message: 'هل تشحنون إلى دبي؟ الكمية ٥٠٠' },
  fr: { dir: 'ltr', search: 'bouilloire', greeting: 'Bonjour', name: 'Élodie Lefèvre', company: 'Lefèvre & Fils', message: 'Livrez-vous à Lyon ? Prix « départ usine »' },
  es: { dir: 'ltr', search: 'hervidor', greeting: 'Hola', name: 'Begoña Muñoz', company: 'Importaciones Muñoz', message: '¿Envían a Valparaíso? Cantidad: 500' },
  ru: { dir: 'ltr', search: 'чайник', greeting: 'Здравствуйте', name: 'Ольга Смирнова', company: 'Смирнова Импорт', message: 'Доставляете ли вы в Новосибирск?' },
} as const;

/** The language's texts of app/locales by key, with `{{ name }}` placeholders as written; a
 *  key it does not have throws (an undefined name would match any element). */
const texts = (code: string): Record<string, string> => {
  const all = JSON.parse(readFileSync(join(__dirname, `../../app/locales/${code}.json`), 'utf8'));
  return new Proxy(all, {
    get: (target, key: string) => {
      if (!(key in target)) throw new Error(`app/locales/${code}.json has no ${key}`);
      return target[key];
    },
  });
};

/** A pattern for a text with placeholders: each stands for anything. */
const pattern = (text: string) =>
  new RegExp(`^${text.split(/\{\{[^}]*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

for (const [code, language] of Object.entries(languages)) {
  test(`walk, search, register, write and inquire in ${code}`, async ({ page, baseURL }, info) => {
    const js = info.project.use.javaScriptEnabled;
    const t = texts(code);
    const inLanguage = async (p: Page) => {
      await ready(p, js);
      await expect(p.locator('html')).toHaveAttribute('lang', code);
      await expect(p.locator('html')).toHaveAttribute('dir', language.dir);
    };
    await page.context().addCookies([{ name: 'i18n_pref_locale', value: code, url: baseURL! }]);

    // Walk: home, a category, a section, a hall, a booth, a product.
    await page.goto('/');
    await inLanguage(page);
    await expect(page.getByRole('heading', { name: t.categories_heading })).toBeVisible();
    for (const prefix of ['/categories/', '/sections/', '/halls/']) {
      await page.locator(`main a[href^="${prefix}"]`).first().click();
      await expect(page).toHaveURL(new RegExp(prefix));
      await inLanguage(page);
      await expect(page.getByRole('navigation', { name: t.breadcrumb })).toBeVisible();
    }
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/exhibitors\/[a-z0-9-]+$/);
    const booth = new URL(page.url()).pathname;
    await inLanguage(page);
    // The last: the products test puts a product of its own first, then deletes it.
    await page.locator('.product-card a').last().click();
    await expect(page).toHaveURL(/\/products\/\d+$/);
    const product = new URL(page.url()).pathname;
    await inLanguage(page);
    await expect(page.getByRole('navigation', { name: t.breadcrumb })).toBeVisible();

    // Search from the header.
    await searchReady(page);
    await page.getByRole('searchbox', { name: t.search_label }).fill(language.search);
    await page.getByRole('search').getByRole('button', { name: t.search_button }).first().click();
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(language.search)}`));
    await inLanguage(page);
    await expect(page.getByRole('heading', { level: 1, name: t.search_title })).toBeVisible();
    // A kettle in the language's own word: the demo's exhibitors wrote some titles in each
    // language, found by that word and shown to the reader in it, marked as theirs.
    const first = page.locator('.search-hits .card-title').first();
    await expect(first).toContainText(new RegExp(language.search, 'i'));
    await expect(first).not.toHaveAttribute('lang', /./);
    // The count in the language's plural form (CLDR's, as the browser's Intl knows them).
    const count = page.locator('#search-count');
    const found = Number((await count.textContent())!.replace(/[^0-9]/g, ''));
    const form = `search_count_${new Intl.PluralRules(code).select(found)}`;
    await expect(count).toHaveText(pattern(form in texts(code) ? t[form] : t.search_count));

    // Register with a name in the language's script; verify; sign in.
    const email = `${code}-${info.project.name}-${Date.now()}@example.com`;
    const password = 'patient horse battery';
    await page.goto('/register');
    await inLanguage(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.register_title);
    await page.getByLabel(t.field_email, { exact: true }).fill(email);
    await page.getByLabel(t.field_password, { exact: true }).fill(password);
    await page.getByLabel(t.field_name, { exact: true }).fill(language.name);
    await page.getByLabel(t.field_company, { exact: true }).fill(language.company);
    await page.getByLabel(t.field_country, { exact: true }).selectOption('BR');
    await page.getByLabel(t.field_business_type, { exact: true }).selectOption('importer');
    await page.getByRole('button', { name: t.register_submit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.register_sent_title);
    await inLanguage(page);
    const [mail] = await mailTo(email);
    expect(mail.text, 'the mail in the language').toContain(language.greeting);
    expect(mail.text).toContain(language.name);
    await page.goto(linkIn(mail, '/verify-email'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.verify_title);
    await page.goto('/sign-in');
    await inLanguage(page);
    await page.getByLabel(t.field_email, { exact: true }).fill(email);
    await page.getByLabel(t.field_password, { exact: true }).fill(password);
    await page.getByRole('main').getByRole('button', { name: t.sign_in_submit }).click();
    await expect(page.getByText(pattern(t.signed_in_as))).toHaveText(t.signed_in_as.replace(/\{\{\s*name\s*\}\}/, language.name));

    // Write to the exhibitor from the booth: the message comes back as typed.
    await page.goto(booth);
    await inLanguage(page);
    await page.getByRole('button', { name: t.contact_exhibitor }).click();
    await expect(page).toHaveURL(/\/messages\/\d+$/);
    await inLanguage(page);
    if (js) await expect(page.getByRole('status').filter({ hasText: t.chat_online })).toBeVisible();
    await page.getByLabel(t.chat_write, { exact: true }).fill(language.message);
    await page.getByRole('button', { name: t.chat_send, exact: true }).click();
    await expect(page.locator('ol.messages li.message:not(.pending) .message-body')).toHaveText([language.message]);

    // Inquire about the product.
    await page.goto(product);
    await inLanguage(page);
    await page.getByRole('link', { name: t.inquiry_start }).click();
    await expect(page).toHaveURL(/\/products\/\d+\/inquiry$/);
    await inLanguage(page);
    await page.getByLabel(pattern(t.inquiry_quantity)).fill('500');
    await page.getByLabel(t.inquiry_destination_country, { exact: true }).selectOption('BR');
    await page.getByLabel(t.inquiry_destination_place, { exact: true }).fill(language.company);
    await page.getByLabel(t.inquiry_message, { exact: true }).fill(language.message);
    await page.getByRole('button', { name: t.inquiry_send }).click();
    await expect(page).toHaveURL(/\/inquiries\/\d+$/);
    await inLanguage(page);
    await expect(page.getByText(t.inquiry_status_open)).toBeVisible();
    await expect(page.getByText(language.message)).toBeVisible();
  });
}
