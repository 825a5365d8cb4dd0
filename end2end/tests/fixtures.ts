// Every test fails on a console error or an uncaught page error (hydration errors included),
// and can check a page with axe-core for serious or critical accessibility violations.
import { test as base, expect, Browser, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { freshCode } from './totp';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Console lines a browser prints for a response whose error status a test asked for. */
export const expectedStatus = (status: number) => `Failed to load resource: the server responded with a status of ${status}`;

export const test = base.extend<{ errors: string[] }>({
  errors: [async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
    });
    await use(errors);
    expect(errors, 'no console or page errors').toEqual([]);
  }, { auto: true }],
});

/** Waits until the page is interactive: hydrated where JavaScript runs, at once otherwise. */
export async function ready(page: Page, javaScriptEnabled: boolean | undefined) {
  if (javaScriptEnabled !== false) {
    await expect(page.locator('html[data-hydrated="true"]')).toHaveCount(1, { timeout: 20_000 });
  }
}

/** The server builds the search index when it starts: wait until search answers. */
export async function searchReady(page: Page) {
  await expect.poll(async () => (await page.request.get('/search?q=kettle')).status(), { timeout: 60_000 }).toBe(200);
}

/**
 * Fails on serious or critical axe-core violations. axe runs as a script in the page, so it
 * runs in the hydrated project; the JavaScript-off project gets the same server-rendered HTML.
 * It waits for the page's title: a page reached by a link in the hydrated app has none until
 * its data loaded.
 */
export async function expectAccessible(page: Page, javaScriptEnabled: boolean | undefined) {
  if (javaScriptEnabled === false) return;
  // After a link followed in the page, the new route writes its title once its data came.
  await expect(page, 'the page has its title').toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** A mail as the tests' SMTP server received it. */
export interface ReceivedMail { from: string; to: string[]; subject: string; text: string }

/** The mails the SMTP server received for `address`, once there are `count` of them. */
export async function mailTo(address: string, count = 1): Promise<ReceivedMail[]> {
  let found: ReceivedMail[] = [];
  await expect.poll(async () => {
    const response = await fetch(`${process.env.CLOUD_FAIR_E2E_MAIL}/messages?to=${encodeURIComponent(address)}`);
    found = await response.json();
    return found.length;
  }, { message: `mail to ${address}`, timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return found;
}

/** The first link in a mail's text that starts with `prefix`, as a path for page.goto. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const match = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname.startsWith(prefix));
  expect(match, `a ${prefix} link in: ${mail.text}`).toBeTruthy();
  const url = new URL(match!);
  return url.pathname + url.search;
}

export { expect };

/** The header a reverse proxy adds for a client at `address`; the tests' server trusts
 *  127.0.0.1 as its proxy (playwright.config.ts: --trusted-proxies). */
export const forwardedFor = (address: string) => ({ 'X-Forwarded-For': address });

/** The demo logins (README: never pass `--demo` to a real fair). */
export const demo = {
  buyer: ['buyer@demo.cloudfair.test', 'demo-buyer-2026'],
  exhibitor: ['exhibitor@demo.cloudfair.test', 'demo-exhibitor'],
  exhibitor2: ['exhibitor2@demo.cloudfair.test', 'demo-exhibitor-2'],
  organizer: ['organizer@demo.cloudfair.test', 'demo-organizer'],
};

/** The authenticator secrets of the demo accounts whose role needs two-factor sign-in
 *  (public, like their passwords). */
export const demoSecrets: Record<string, string> = {
  'organizer@demo.cloudfair.test': 'MRSW23ZNN5ZGOYLONF5GK4RNORXXI4BB',
  'exhibitor@demo.cloudfair.test': 'MRSW23ZNMV4GQ2LCNF2G64RNORXXI4BR',
  'exhibitor2@demo.cloudfair.test': 'MRSW23ZNMV4GQ2LCNF2G64RNORXXI4BS',
};

/** Signs in through the form, with a code of the account's authenticator app when the
 *  demo account has one. The server takes each code once, one a step of 30 seconds, so a
 *  demo account with an app signs in through the form once per run and its later tests take
 *  up that session (as a person's browser keeps it), unless it has ended. */
export async function signIn(page: Page, js: boolean | undefined, [email, password]: string[]) {
  const secret = demoSecrets[email];
  if (secret && await resumeSession(page, js, email)) return;
  await page.goto('/sign-in');
  await ready(page, js);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password (at least 10 characters)').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (secret) await enterCode(page, js, freshCode(email, secret));
  await expect(page.getByText(/^Signed in as /)).toBeVisible();
  if (secret) {
    const session = (await page.context().cookies()).find((c) => c.name === 'cf_session');
    if (session) writeFileSync(sessionFile(email), session.value);
  }
}

const origin = () => `http://127.0.0.1:${process.env.CLOUD_FAIR_E2E_PORT ?? 3210}`;
const sessionFile = (email: string) =>
  join(tmpdir(), `cloud-fair-e2e-${process.env.CLOUD_FAIR_E2E_PORT ?? 3210}-${email}.session`);

/** Takes up the session an earlier test of this run kept for `email`; whether it still works. */
async function resumeSession(page: Page, js: boolean | undefined, email: string): Promise<boolean> {
  let value: string;
  try { value = readFileSync(sessionFile(email), 'utf8'); } catch { return false; }
  await page.context().addCookies([{ name: 'cf_session', value, url: origin() }]);
  await page.goto('/');
  await ready(page, js);
  if (await page.getByText(/^Signed in as /).count() > 0) return true;
  await page.context().clearCookies();
  return false;
}

/** The second step of signing in: `code` typed on the code page. */
export async function enterCode(page: Page, js: boolean | undefined, code: Promise<string> | string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your code');
  await ready(page, js);
  await page.getByLabel('Six-digit code or recovery code').fill(await code);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A second person's browser context, collecting their page's errors; `extraHTTPHeaders` go
 *  with every request, as a proxy in front of the fair would add them. */
export async function otherPerson(browser: Browser, js: boolean | undefined, timezoneId?: string,
                                  extraHTTPHeaders?: Record<string, string>) {
  const context = await browser.newContext({ javaScriptEnabled: js !== false, timezoneId, extraHTTPHeaders });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return { page, errors, close: () => context.close() };
}

/** Sets up two-factor sign-in from the settings page, as a person with an authenticator app
 *  would: the key read off the page, a first code typed to turn it on. The key (base32) and
 *  the first recovery code shown. */
export async function setUpTwoFactor(page: Page, js: boolean | undefined, account: string, password: string) {
  await page.goto('/account/two-factor');
  await ready(page, js);
  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  await expectAccessible(page, js);
  const key = (await page.locator('#two-factor-key').innerText()).replace(/\s/g, '');
  const recovery = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').first().innerText();
  await ready(page, js);
  await page.getByLabel('Code from your authenticator app').fill(await freshCode(account, key));
  await page.getByLabel('Your password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('status')).toHaveText('Two-factor sign-in is on. From now on, have your phone at hand when you sign in.');
  return { key, recovery: recovery.trim() };
}

/** Registers a buyer through the registration's server function (the form itself is tested
 *  in accounts.spec.ts); the address is not verified yet. */
export async function registerBuyer(page: Page, person: { email: string, password: string, name: string, company: string, country: string }) {
  const registered = await page.request.post('/api/register', {
    form: {
      'form[email]': person.email, 'form[password]': person.password, 'form[name]': person.name,
      'form[company]': person.company, 'form[country]': person.country, 'form[business_type]': 'importer',
    },
  });
  expect(registered.status()).toBe(200);
}

/** A buyer registered a moment ago with a verified address, signed in on `page`: a person of
 *  the test's own, whose inbox no other test reads. Their login. */
export async function verifiedBuyer(page: Page, js: boolean | undefined, tag: string, country = 'BR') {
  const email = `${tag}-${Date.now()}@example.com`;
  const password = 'patient horse battery';
  await registerBuyer(page, { email, password, name: 'Ana Lima', company: 'Lima Importadora', country });
  const [mail] = await mailTo(email);
  expect((await page.request.get(linkIn(mail, '/verify-email'))).status()).toBe(200);
  await signIn(page, js, [email, password]);
  return [email, password];
}
