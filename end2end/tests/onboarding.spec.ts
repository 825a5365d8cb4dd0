// Exhibitor onboarding, hydrated and with JavaScript off: the demo organizer invites an
// exhibitor's owner (first to a mistyped address, which it revokes), who accepts from the mailed
// link, invites a staff member (in a second browser context), sees them join, and removes them;
// a revoked invitation's link no longer works.
import { test, expect, ready, expectAccessible, mailTo, linkIn, otherPerson, signIn, demo, setUpTwoFactor } from './fixtures';
import type { Browser, Page } from '@playwright/test';

/** Opens a revoked invitation's link in a browser of its own: the link no longer works. */
async function expectRevoked(browser: Browser, js: boolean | undefined, link: string) {
  const other = await otherPerson(browser, js);
  await other.page.goto(link);
  await expect(other.page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
  await expect(other.page.getByRole('button', { name: 'Accept and create my account' })).toHaveCount(0);
  await other.close();
}

async function accept(page: Page, js: boolean | undefined, link: string, name: string, password: string) {
  await page.goto(link);
  await ready(page, js);
  await expectAccessible(page, js);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password (at least 10 characters)').fill(password);
  await page.getByRole('button', { name: 'Accept and create my account' }).click();
}

test('the organizer invites an owner, who builds a team', async ({ page, browser }, info) => {
  const js = info.project.use.javaScriptEnabled;
  const stamp = `${info.project.name}-${Date.now()}`;
  const owner = `owner-${stamp}@example.com`;
  const staff = `staff-${stamp}@example.com`;
  const mistyped = `ownr-${stamp}@example.com`;
  const extra = `extra-${stamp}@example.com`;

  // The organizer picks an exhibitor nobody runs yet from the overview (one per project).
  await signIn(page, js, demo.organizer);
  await page.getByRole('link', { name: 'Exhibitor accounts' }).click();
  await ready(page, js);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exhibitors and their booths');
  await expectAccessible(page, js);
  await expect(page.getByRole('row').nth(1)).toContainText('Emma Exhibitor');
  await page.getByRole('link', { name: 'Invite an owner' }).nth(js ? 2 : 3).click();
  await ready(page, js);
  const invitePage = new URL(page.url()).pathname + new URL(page.url()).search;
  await expectAccessible(page, js);
  await expect(page.getByLabel('Exhibitor (the last part of its address)')).not.toHaveValue('');
  await page.getByLabel("The owner's e-mail address").fill(mistyped);
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByRole('status')).toHaveText('The invitation is on its way.');

  // The address was wrong: the organizer takes the invitation back from the overview.
  await page.goto('/organizer/exhibitors');
  await ready(page, js);
  await expect(page.getByText(`Invitation sent to ${mistyped}`)).toBeVisible();
  await page.getByRole('button', { name: `Revoke the invitation of ${mistyped}` }).click();
  await expect(page.getByText(`Invitation sent to ${mistyped}`)).toHaveCount(0);
  const [mistypedMail] = await mailTo(mistyped);
  await expectRevoked(browser, js, linkIn(mistypedMail, '/invitation'));

  await page.goto(invitePage);
  await ready(page, js);
  await page.getByLabel("The owner's e-mail address").fill(owner);
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByRole('status')).toHaveText('The invitation is on its way.');

  const [invitation] = await mailTo(owner);
  expect(invitation.subject).toMatch(/^You are invited to run the booth of /);
  await page.context().clearCookies();
  await accept(page, js, linkIn(invitation, '/invitation'), 'Olu Owner', 'owner horse battery');
  // An owner sets up two-factor sign-in before anything else.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-factor sign-in');
  await expect(page.getByRole('alert')).toContainText('Organizers and the owners of exhibitors');
  await setUpTwoFactor(page, js, owner, 'owner horse battery');
  await page.getByRole('link', { name: 'My team' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^The team of /);
  await expect(page.getByRole('group', { name: 'Your account' })).toContainText('Olu Owner');
  await expectAccessible(page, js);

  // An invitation the owner thinks better of, revoked from the team page.
  await page.getByLabel('E-mail address').fill(extra);
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: extra })).toBeVisible();
  await ready(page, js);
  await page.getByRole('button', { name: `Revoke the invitation of ${extra}` }).click();
  await expect(page.getByRole('listitem').filter({ hasText: extra })).toHaveCount(0);
  const [extraMail] = await mailTo(extra);
  await expectRevoked(browser, js, linkIn(extraMail, '/invitation'));

  await ready(page, js);
  await page.getByLabel('E-mail address').fill(staff);
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByRole('status')).toHaveText('The invitation is on its way.');
  await expect(page.getByRole('listitem').filter({ hasText: staff })).toBeVisible();

  const staffContext = await browser.newContext({ javaScriptEnabled: js });
  const staffPage = await staffContext.newPage();
  const [staffMail] = await mailTo(staff);
  await accept(staffPage, js, linkIn(staffMail, '/invitation'), 'Sade Staff', 'staff horse battery');
  await expect(staffPage.getByRole('heading', { level: 1 })).toHaveText(/^The team of /);
  await expect(staffPage.getByRole('cell', { name: 'Olu Owner' })).toBeVisible();
  await expect(staffPage.getByRole('button', { name: 'Send the invitation' })).toHaveCount(0);

  await page.reload();
  await ready(page, js);
  await page.getByRole('button', { name: 'Remove Sade Staff' }).click();
  await expect(page.getByRole('cell', { name: 'Sade Staff' })).toHaveCount(0);
  await staffPage.reload();
  await expect(staffPage.getByRole('heading', { level: 1 })).toHaveText('Please sign in');
  await staffContext.close();
});
