// A buyer who has not verified their address, hydrated and with JavaScript off: the product
// page says why there is no way to write yet, the inquiry form's address answers 403 with the
// same note, the link is mailed again (not within moments of the last one), and once the
// newest link is opened the buyer contacts the exhibitor.
import { test, expect, ready, expectAccessible, expectedStatus, mailTo, linkIn, signIn, registerBuyer } from './fixtures';

test('verify the address before writing, with the link mailed again', async ({ page, errors }, info) => {
  const js = info.project.use.javaScriptEnabled;
  // Every page the note is on answers 403 (404 for a used link), which the browser logs.
  const dropLogged = (status: number) => {
    const before = errors.length;
    errors.splice(0, errors.length, ...errors.filter((e) => !e.includes(expectedStatus(status))));
    expect(errors.length, `the ${status} was logged`).toBeLessThan(before);
  };
  const email = `unverified-${info.project.name}-${Date.now()}@example.com`;
  const password = 'patient horse battery';
  await registerBuyer(page, { email, password, name: 'Lena Petrova', company: 'Petrova Import', country: 'KZ' });
  const [first] = await mailTo(email);
  await signIn(page, js, [email, password]);

  await page.goto('/');
  const product = await page.locator('a[href^="/products/"]').first().getAttribute('href');
  await page.goto(product!);
  await ready(page, js);
  await expect(page.getByText(`open the link we mailed to ${email}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Contact the exhibitor' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Send an inquiry' })).toHaveCount(0);
  await expectAccessible(page, js);

  // The form's own address says the same, with its status.
  const refused = await page.goto(`${product}/inquiry`);
  expect(refused?.status()).toBe(403);
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verify your e-mail address first');
  // The registration's link went out a moment ago: not again yet (the tests' server divides
  // the minute between two links by its rate-limit scale of 10).
  await page.getByRole('button', { name: 'Send the link again' }).click();
  await expect(page.getByText('Too many attempts. Wait a minute and try again.')).toBeVisible();
  await page.waitForTimeout(6_500);
  await ready(page, js);
  await page.getByRole('button', { name: 'Send the link again' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `A new link is on its way to ${email}. It is valid for 48 hours; the earlier links no longer work.`);
  await expectAccessible(page, js);
  dropLogged(403);

  const mails = await mailTo(email, 2);
  const newest = linkIn(mails[1], '/verify-email');
  expect(newest).not.toBe(linkIn(first, '/verify-email'));
  await page.goto(linkIn(first, '/verify-email'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
  dropLogged(404);
  await page.goto(newest);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Address verified');

  await page.goto(product!);
  await ready(page, js);
  await expect(page.getByRole('link', { name: 'Send an inquiry' })).toBeVisible();
  await page.getByRole('button', { name: 'Contact the exhibitor' }).click();
  await expect(page).toHaveURL(/\/messages\/\d+$/);
});
