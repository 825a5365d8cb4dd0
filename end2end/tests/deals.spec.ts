// A deal from inquiry to signed contract, a buyer and an exhibitor each in a browser context
// of their own: the buyer asks about a product, the team quotes, the buyer accepts, the order
// appears for both, both sign (the buyer with the password again, the owner with a code of
// the authenticator app), and the downloaded text hashes to what the public link shows
// and verifies. Plain forms: the same steps work hydrated and with JavaScript off. The
// hydrated run deals with the first demo exhibitor, the JavaScript-off one with the second.
// The buyer comes through the tests' proxy, so the contract records the address it names.
import { test, expect, ready, demo, demoSecrets, signIn, otherPerson, forwardedFor } from './fixtures';
import { freshCode } from './totp';
import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';

const buyer = demo.buyer;
const exhibitors = { hydrated: demo.exhibitor, 'no-js': demo.exhibitor2 };
const context = otherPerson;

/** Signs the contract as `name`, proving who it is again with `confirmation` (the password,
 *  or a code of the signer's authenticator app). */
async function sign(page: Page, js: boolean | undefined, name: string, confirmation: string) {
  await ready(page, js);
  await page.getByLabel('Your full name').fill(name);
  await page.getByLabel('Your password, or a code from your authenticator app').fill(confirmation);
  await page.getByRole('button', { name: 'Sign the contract' }).click();
  await expect(page.locator('li.signature').filter({ hasText: name })).toHaveCount(1);
}

test('inquiry, quotation, order, both sign, and the hash verifies', async ({ page, browser }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const buyerAddress = js === false ? '2001:db8::b2' : '2001:db8::b1';
  await page.context().setExtraHTTPHeaders(forwardedFor(buyerAddress));
  const team = await context(browser, js);
  await signIn(team.page, js, js === false ? exhibitors['no-js'] : exhibitors.hydrated);
  await team.page.goto('/exhibitor/team');
  const booth = await team.page.getByRole('link', { name: 'See the booth' }).getAttribute('href');

  // The buyer asks about one of the exhibitor's products.
  await signIn(page, js, buyer);
  await page.goto(booth!);
  const product = await page.locator('a[href^="/products/"]').first().getAttribute('href');
  await page.goto(product!);
  await ready(page, js);
  await page.getByRole('link', { name: 'Send an inquiry' }).click();
  await expect(page).toHaveURL(/\/products\/\d+\/inquiry$/);
  await ready(page, js);
  await page.getByLabel(/^Quantity/).fill('0');
  await page.getByLabel('Deliver to (country)').selectOption({ label: 'Germany' });
  await page.getByLabel('Port or city').fill('Hamburg');
  await page.getByRole('button', { name: 'Send the inquiry' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.locator('#quantity-error')).toBeVisible();
  await ready(page, js);
  await page.getByLabel(/^Quantity/).fill('5000');
  await page.getByLabel('Target unit price (optional)').fill('2.10');
  await page.getByLabel('Currency').selectOption('USD');
  await page.getByLabel('Deliver to (country)').selectOption({ label: 'Germany' });
  await page.getByLabel('Port or city').fill('Hamburg');
  await page.getByLabel('Message to the exhibitor').fill('Carton packing, samples first?');
  await page.getByRole('button', { name: 'Send the inquiry' }).click();
  await expect(page).toHaveURL(/\/inquiries\/\d+$/);
  const inquiry = new URL(page.url()).pathname;
  await expect(page.getByText('Waiting for a quotation')).toBeVisible();

  // The team finds it in its inbox and quotes.
  await team.page.goto('/messages?show=inquiries');
  await team.page.locator(`#inbox-inquiries a[href="${inquiry}"]`).click();
  await ready(team.page, js);
  await team.page.getByLabel('Unit price').fill('2.40');
  await team.page.getByRole('button', { name: 'Send the quotation' }).click();
  await expect(team.page.locator('li.quotation')).toHaveCount(1);

  // The buyer sees it and accepts: the order is placed, for both to see.
  await page.reload();
  await ready(page, js);
  await expect(page.locator('li.quotation')).toContainText('2.40 USD');
  await expect(page.getByText('The order comes to 12,000.00 USD.')).toBeVisible();
  await page.getByRole('button', { name: 'Accept and place the order' }).click();
  await expect(page).toHaveURL(/\/orders\/\d+$/);
  const order = new URL(page.url()).pathname;
  await expect(page.locator('#order-status')).toHaveText('Placed');
  await team.page.goto(order);
  await expect(team.page.locator('#order-status')).toHaveText('Placed');
  const hash = (await page.locator('#contract-sha256').textContent())!;
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await expect(team.page.locator('#contract-sha256')).toHaveText(hash);

  // Both sign; then the contract is complete on both sides.
  await sign(page, js, 'Bruno Buyer', buyer[1]);
  const [owner] = js === false ? exhibitors['no-js'] : exhibitors.hydrated;
  await sign(team.page, js, 'Erika Exhibitor', await freshCode(owner, demoSecrets[owner]));
  await expect(team.page.locator('#contract-signed')).toBeVisible();
  await page.reload();
  await expect(page.locator('#contract-signed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign the contract' })).toHaveCount(0);
  await expect(page.locator('li.signature').filter({ hasText: 'Bruno Buyer' })).toContainText(`From ${buyerAddress} ·`);
  await expect(page.locator('li.signature').filter({ hasText: 'Erika Exhibitor' })).toContainText('From 127.0.0.1 ·');

  // The downloaded text hashes to the recorded SHA-256, and the public link verifies it.
  const file = await page.getByRole('link', { name: 'Download the exact text' }).getAttribute('href');
  const body = await (await page.request.get(file!)).body();
  expect(createHash('sha256').update(body).digest('hex')).toBe(hash);
  const verify = await page.locator('#contract-verify-link').getAttribute('href');
  const anyone = await context(browser, js);
  await anyone.page.goto(verify!);
  await ready(anyone.page, js);
  await expect(anyone.page.locator('#contract-intact')).toBeVisible();
  await expect(anyone.page.locator('li.signature')).toHaveCount(2);
  await anyone.page.getByLabel('SHA-256:').fill(hash.replace(/^./, (c) => (c === '0' ? '1' : '0')));
  await anyone.page.getByRole('button', { name: 'Check' }).click();
  await expect(anyone.page.locator('#hash-check')).toHaveText(/does not match/);
  await ready(anyone.page, js);
  await anyone.page.getByLabel('SHA-256:').fill(hash);
  await anyone.page.getByRole('button', { name: 'Check' }).click();
  await expect(anyone.page.locator('#hash-check')).toHaveText(/matches the contract/);

  // The team confirms the order; the buyer sees it in the inbox.
  await ready(team.page, js);
  await team.page.getByRole('button', { name: 'Confirm the order' }).click();
  await expect(team.page.locator('#order-status')).toHaveText('Confirmed');
  await page.goto('/messages?show=orders');
  await expect(page.locator(`#inbox-orders a[href="${order}"]`)).toBeVisible();
  await expect(page.locator('#inbox-orders li').filter({ has: page.locator(`a[href="${order}"]`) })).toContainText('Confirmed');
  for (const other of [team, anyone]) {
    expect(other.errors).toEqual([]);
    await other.close();
  }
});
