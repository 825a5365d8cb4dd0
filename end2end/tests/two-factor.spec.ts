// Two-factor sign-in, hydrated and with JavaScript off: a buyer turns it on from the account
// menu (QR code, key, recovery codes, a first code), signs out, and signs in again with the
// password and then a code; a wrong code is refused with a reason, a recovery code works
// once; the page where a code is asked for is accessible.
import { test, expect, ready, expectAccessible, expectedStatus, signIn, setUpTwoFactor, enterCode, registerBuyer } from './fixtures';
import { freshCode } from './totp';
import type { Page } from '@playwright/test';

async function signOut(page: Page, js: boolean | undefined) {
  await ready(page, js);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
}

async function passwordStep(page: Page, js: boolean | undefined, email: string, password: string) {
  await page.goto('/sign-in');
  await ready(page, js);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password (at least 10 characters)').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your code');
}

test('turn on two-factor sign-in, then sign in with a code or a recovery code', async ({ page, errors }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const email = `two-factor-${info.project.name}-${Date.now()}@example.com`;
  const password = 'careful horse battery';
  await registerBuyer(page, { email, password, name: 'Tomas Novak', company: 'Novak Trading', country: 'CZ' });
  await signIn(page, js, [email, password]);
  await page.getByRole('link', { name: 'Two-factor sign-in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-factor sign-in');
  await expect(page.getByText('Two-factor sign-in is off.')).toBeVisible();
  const { key, recovery } = await setUpTwoFactor(page, js, email, password);
  expect(recovery).toMatch(/^([a-z2-9]{6}-){3}[a-z2-9]{6}$/);
  await expect(page.getByText('Recovery codes left: 10.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recovery codes' })).toHaveCount(0);
  await expectAccessible(page, js);

  // The password alone is not enough; a wrong code says why and keeps the page.
  await signOut(page, js);
  await passwordStep(page, js, email, password);
  await expectAccessible(page, js);
  await enterCode(page, js, '000000');
  await expect(page.getByText(/That code is not right|That code was used already/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your code');
  if (js !== false) {
    const i = errors.findIndex((e) => e.includes(expectedStatus(400)));
    expect(i, 'the refused code was logged').toBeGreaterThanOrEqual(0);
    errors.splice(i, 1);
  }
  await page.getByLabel('Six-digit code or recovery code').fill(await freshCode(email, key));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Signed in as Tomas Novak')).toBeVisible();

  // A recovery code, when the phone is lost: once.
  await signOut(page, js);
  await passwordStep(page, js, email, password);
  await enterCode(page, js, recovery.toUpperCase());
  await expect(page.getByText('Signed in as Tomas Novak')).toBeVisible();
  await page.goto('/account/two-factor');
  await expect(page.getByText('Recovery codes left: 9.')).toBeVisible();
});
