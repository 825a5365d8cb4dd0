// A forgotten password, hydrated and with JavaScript off: ask for a link, receive it over
// SMTP, choose a new password (a short one first), sign in with it; the link works once.
import { test, expect, ready, expectAccessible, expectedStatus, mailTo, linkIn } from './fixtures';

test('reset a forgotten password with the mailed link', async ({ page, errors }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const email = `forgetful-${info.project.name}-${Date.now()}@example.com`;
  const registered = await page.request.post('/api/register', {
    form: {
      'form[email]': email, 'form[password]': 'first horse battery', 'form[name]': 'Kofi Mensah',
      'form[company]': 'Mensah Trading', 'form[country]': 'NG', 'form[business_type]': 'distributor',
    },
  });
  expect(registered.status()).toBe(200);

  await page.goto('/sign-in');
  await ready(page, js);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  await expectAccessible(page, js);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'Mail me a link' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your mail');

  const reset = (await mailTo(email, 2)).find((m) => m.subject === 'Reset your Cloud Fair password')!;
  expect(reset.text).toContain('Hello Kofi Mensah');
  const link = linkIn(reset, '/reset-password');
  await page.goto(link);
  await ready(page, js);
  await expectAccessible(page, js);
  await page.evaluate(() => document.querySelectorAll('[required]').forEach((e) => e.removeAttribute('required')));
  await page.getByLabel('New password (at least 10 characters)').fill('short');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  if (js) {
    const i = errors.findIndex((e) => e.includes(expectedStatus(400)));
    expect(i, 'the 400 was logged').toBeGreaterThanOrEqual(0);
    errors.splice(i, 1);
  }
  await page.getByLabel('New password (at least 10 characters)').fill('second horse battery');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('status')).toHaveText('Your password was changed. Sign in with the new one.');

  await ready(page, js);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password (at least 10 characters)').fill('second horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('group', { name: 'Your account' })).toContainText('Kofi Mensah');

  // The link was used: it now says so.
  await page.goto(link);
  await ready(page, js);
  await page.getByLabel('New password (at least 10 characters)').fill('third horse battery');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('alert')).toContainText('This link does not work');
  if (js) {
    const i = errors.findIndex((e) => e.includes(expectedStatus(404)));
    expect(i, 'the 404 was logged').toBeGreaterThanOrEqual(0);
    errors.splice(i, 1);
  }
});
