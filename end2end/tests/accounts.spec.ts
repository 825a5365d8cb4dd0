// A buyer registers (refused fields, then a guessable password, first) and signs in, hydrated
// and with JavaScript off.
import { test, expect, ready, expectAccessible, expectedStatus, mailTo, linkIn } from './fixtures';

test('register with field errors first, then sign in', async ({ page, errors }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const email = `buyer-${info.project.name}-${Date.now()}@example.com`;
  await page.goto('/register');
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Register as a buyer');
  await expectAccessible(page, js);

  // The browser's own checks would stop these values; turn them off to reach the server's.
  await page.evaluate(() => {
    document.querySelectorAll('[required]').forEach((e) => e.removeAttribute('required'));
    (document.querySelector('#email') as HTMLInputElement).type = 'text';
  });
  await page.getByLabel('E-mail address').fill('not-an-address');
  await page.getByLabel('Password (at least 10 characters)').fill('short');
  await page.getByLabel('Your name').fill('Ana Lima');
  await page.getByLabel('Company').fill('Lima Importadora');
  await page.getByLabel('Country or region').selectOption('BR');
  await page.getByLabel('Business type').selectOption('importer');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('alert')).toHaveText('Please correct the fields marked below.');
  await expect(page.getByText('Enter an e-mail address such as name@company.com.')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Ana Lima');
  await expectAccessible(page, js);
  if (js) {
    const i = errors.findIndex((e) => e.includes(expectedStatus(400)));
    expect(i, 'the 400 was logged').toBeGreaterThanOrEqual(0);
    errors.splice(i, 1);
  }

  // A long enough password that is the company's name is as good as none.
  await ready(page, js);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password (at least 10 characters)').fill('limaimportadora');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByText(/^This password is too easy to guess/)).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toHaveValue(email);
  if (js) {
    const i = errors.findIndex((e) => e.includes(expectedStatus(400)));
    expect(i, 'the 400 was logged').toBeGreaterThanOrEqual(0);
    errors.splice(i, 1);
  }

  await ready(page, js);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password (at least 10 characters)').fill('correct horse battery');
  await page.getByLabel('Lighting Equipment').check();
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your mail');

  // The mail arrives at the SMTP server; its link verifies the address once.
  const [mail] = await mailTo(email);
  expect(mail.subject).toBe('Verify your e-mail address for Cloud Fair');
  expect(mail.text).toContain('Hello Ana Lima');
  const link = linkIn(mail, '/verify-email');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Address verified');
  const again = await page.goto(link);
  expect(again?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
  const logged = errors.findIndex((e) => e.includes(expectedStatus(404)));
  expect(logged, 'the 404 was logged').toBeGreaterThanOrEqual(0);
  errors.splice(logged, 1);

  await page.getByRole('link', { name: 'Sign in' }).first().click();
  await ready(page, js);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password (at least 10 characters)').fill('wrong horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The e-mail address or the password is not right.');
  if (js) {
    const i = errors.findIndex((e) => e.includes(expectedStatus(401)));
    expect(i, 'the 401 was logged').toBeGreaterThanOrEqual(0);
    errors.splice(i, 1);
  }
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password (at least 10 characters)').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cloud Fair Autumn Session (Online)');
  const menu = page.getByRole('group', { name: 'Your account' });
  await expect(menu).toContainText('Signed in as Ana Lima');
  await expectAccessible(page, js);

  // The header follows the person from page to page, and signing out ends the session.
  await page.getByRole('link', { name: 'Exhibitors', exact: true }).first().click();
  await expect(menu).toContainText('Signed in as Ana Lima');
  await menu.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(menu.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(menu.getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect((await page.context().cookies()).some((c) => c.name === 'cf_session' && c.value !== '')).toBe(false);
});
