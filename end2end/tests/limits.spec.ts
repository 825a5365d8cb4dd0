// Limits that count the real client and the account. Each browser here comes through the
// tests' "proxy" (X-Forwarded-For from 127.0.0.1, which the server trusts), so it is a client
// of its own: spending one client's sign-in attempts leaves the next client of the same proxy
// untouched, and guessing one account's password from many addresses locks that account
// alone. Hydrated and with JavaScript off; each project uses its own addresses and account.
import { test, expect, demo, signIn, otherPerson, forwardedFor, expectedStatus, ready } from './fixtures';
import type { Page } from '@playwright/test';

/** Tries signing in through the form, and expects to be told to wait. */
async function refusedSignIn(page: Page, js: boolean | undefined, [email, password]: string[]) {
  await page.goto('/sign-in');
  await ready(page, js);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password (at least 10 characters)').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Too many attempts. Wait a minute and try again.')).toBeVisible();
  await expect(page.getByText(/^Signed in as /)).toHaveCount(0);
}

/** Errors other than the logged 429s. */
const besides429 = (errors: string[]) => errors.filter((e) => !e.includes(expectedStatus(429)));

/** The tests' server allows 10 × 10 failed sign-ins a minute per client and per account. */
const ALLOWED = 100;

test('a client behind the proxy runs out of sign-in attempts alone', async ({ browser }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const net = js === false ? '203.0.113.2' : '203.0.113.1';
  const spent = await otherPerson(browser, js, undefined, forwardedFor(`${net}1`));
  const next = await otherPerson(browser, js, undefined, forwardedFor(`${net}2`));
  for (let n = 0; n < ALLOWED; n++) {
    const tried = await spent.page.request.post('/api/log_in', {
      form: { email: `nobody-${info.project.name}-${n}@example.com`, password: 'wrong guess here' },
      headers: forwardedFor(`${net}1`),
    });
    expect(tried.status()).toBe(401);
  }
  await refusedSignIn(spent.page, js, demo.buyer);
  await signIn(next.page, js, demo.buyer);
  expect(besides429(spent.errors)).toEqual([]);
  expect(next.errors).toEqual([]);
  await spent.close();
  await next.close();
});

test('guessing one account from many addresses locks that account only', async ({ browser }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const net = js === false ? '198.51.100.2' : '198.51.100.1';
  const email = `guessed-${info.project.name}-${Date.now()}@example.com`;
  const password = 'patient horse battery';
  const fresh = await otherPerson(browser, js, undefined, forwardedFor(`${net}99`));
  const registered = await fresh.page.request.post('/api/register', {
    form: {
      'form[email]': email, 'form[password]': password, 'form[name]': 'Guessed Buyer',
      'form[company]': 'Target Trading', 'form[country]': 'BR', 'form[business_type]': 'importer',
    },
  });
  expect(registered.status()).toBe(200);
  // Ten addresses guess ten times each: none of them reaches its own allowance.
  for (let n = 0; n < ALLOWED; n++) {
    const tried = await fresh.page.request.post('/api/log_in', {
      form: { email, password: `wrong guess ${n}` },
      headers: forwardedFor(`${net}${n % 10}`),
    });
    expect(tried.status()).toBe(401);
  }
  // The right password now waits, from an address that never guessed; others sign in there.
  await refusedSignIn(fresh.page, js, [email, password]);
  await signIn(fresh.page, js, demo.buyer);
  expect(besides429(fresh.errors)).toEqual([]);
  await fresh.close();
});
