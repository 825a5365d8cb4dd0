// Applying to exhibit, hydrated and with JavaScript off: a visitor applies (a bad year is
// refused at the field and nothing else is lost), gets a receipt by mail; the demo organizer
// approves the application, assigns a free booth, and the applicant accepts the mailed
// invitation and runs the new booth.
import { test, expect, ready, expectAccessible, expectedStatus, mailTo, linkIn, signIn, demo, setUpTwoFactor } from './fixtures';

test('a company applies, is approved, gets a booth and takes it over', async ({ page, browser, errors }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const stamp = `${info.project.name}-${Date.now()}`;
  const company = `Bright Lamps ${stamp}`;
  const email = `apply-${stamp}@example.com`;

  await page.goto('/');
  await ready(page, js);
  await page.getByRole('link', { name: 'Apply to exhibit' }).click();
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Apply to exhibit');
  await expectAccessible(page, js);
  await page.getByLabel('Company name (English)').fill(company);
  await page.getByLabel('Country or region').selectOption('CN');
  await page.getByLabel('Exhibition section').selectOption({ index: 2 });
  await page.getByLabel('Year founded').fill('1700');
  await page.getByLabel('Staff').fill('350');
  await page.getByLabel('Contact person').fill('Li Wei');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('About the company and its products (optional)').fill('LED panels and bulbs');
  await page.getByRole('button', { name: 'Send the application' }).click();
  await ready(page, js);
  await expect(page.getByText('Enter a year between 1800 and this year.').first()).toBeVisible();
  if (js) {
    const i = errors.findIndex((e) => e.includes(expectedStatus(400)));
    expect(i, 'the 400 was logged').toBeGreaterThanOrEqual(0);
    errors.splice(i, 1);
  }
  await expect(page.getByLabel('Company name (English)')).toHaveValue(company);
  await expect(page.getByLabel('Contact person')).toHaveValue('Li Wei');
  await page.getByLabel('Year founded').fill('2004');
  await page.getByRole('button', { name: 'Send the application' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Application received');
  const [receipt] = await mailTo(email);
  expect(receipt.text).toContain(company);

  // The organizer approves it and assigns a free booth (each project its own).
  const organizer = await browser.newContext({ javaScriptEnabled: js });
  const desk = await organizer.newPage();
  await signIn(desk, js, demo.organizer);
  await desk.getByRole('link', { name: 'Applications to exhibit' }).click();
  await ready(desk, js);
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText('Applications to exhibit');
  await expectAccessible(desk, js);
  const entry = desk.getByRole('listitem').filter({ hasText: company });
  await expect(entry).toContainText('LED panels and bulbs');
  await entry.getByRole('button', { name: `Approve ${company} and invite the contact` }).click();
  await ready(desk, js);
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText(`Booths of ${company}`);
  await expect(desk.getByRole('status')).toContainText('The application is approved');
  await expectAccessible(desk, js);
  const free = await desk.locator('#free-booths option').nth(js ? 0 : 1).getAttribute('value');
  await desk.getByLabel('Booth number').fill(free!);
  await desk.getByRole('button', { name: 'Assign' }).click();
  await ready(desk, js);
  await expect(desk.getByRole('button', { name: `Release booth ${free}` })).toBeVisible();
  await organizer.close();

  // The contact accepts the invitation and runs the booth.
  const [, invitation] = await mailTo(email, 2);
  await page.goto(linkIn(invitation, '/invitation'));
  await ready(page, js);
  await page.getByLabel('Your name').fill('Li Wei');
  await page.getByLabel('Password (at least 10 characters)').fill('lamps horse battery');
  await page.getByRole('button', { name: 'Accept and create my account' }).click();
  // An owner sets up two-factor sign-in first.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-factor sign-in');
  await setUpTwoFactor(page, js, email, 'lamps horse battery');
  await page.getByRole('link', { name: 'My team' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`The team of ${company}`);
  await page.getByRole('link', { name: /^See the booth/ }).first().click();
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(company);
  await expect(page.getByText(free!).first()).toBeVisible();
});
