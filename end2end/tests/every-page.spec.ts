// axe-core on every page of the fair, in English and in Arabic (right to left), each page as
// the person who would open it and with something on it: a new buyer's inquiry, order,
// contract, meeting and conversation with a demo exhibitor, that exhibitor's editors, the
// organizer's desk. `pages` names an address for every route of app/src/routes.rs, and the
// first check fails when a route has none, so a new page cannot be forgotten. axe runs as a
// script in the page, so the test runs in the hydrated project (the JavaScript-off project
// gets the same server-rendered HTML).
import { test, expect, ready, expectAccessible, expectedStatus, demo, signIn, otherPerson, searchReady,
         enterCode, verifiedBuyer, demoSecrets } from './fixtures';
import { freshCode } from './totp';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Who = 'visitor' | 'buyer' | 'team' | 'organizer';
interface Visit { who: Who; path: string; status?: number }

/** The routes the app declares, as written in app/src/routes.rs. */
const routes = () =>
  [...readFileSync(join(__dirname, '../../app/src/routes.rs'), 'utf8').matchAll(/path!\("([^"]+)"\)/g)].map((m) => m[1]);

/** What the setup made, for the pages that show one person's things. */
interface Made {
  category: string; section: string; hall: string; booth: string; product: string;
  editedProduct: string; inquiry: string; order: string; contract: string; meeting: string;
  conversation: string; organizerBooths: string; stream: string;
}

/** Every route with the address this test opens and who opens it. */
const pages = (m: Made): Record<string, Visit> => ({
  '/': { who: 'visitor', path: '/' },
  '/categories/:slug': { who: 'visitor', path: m.category },
  '/sections/:slug': { who: 'visitor', path: m.section },
  '/halls/:slug': { who: 'visitor', path: m.hall },
  '/search': { who: 'visitor', path: '/search?q=kettle' },
  '/exhibitors': { who: 'visitor', path: '/exhibitors' },
  '/exhibitors/:slug': { who: 'visitor', path: m.booth },
  '/exhibitors/:slug/meetings': { who: 'buyer', path: `${m.booth}/meetings` },
  '/meetings/:id': { who: 'buyer', path: m.meeting },
  '/meetings/:id/call': { who: 'buyer', path: `${m.meeting}/call` },
  '/live': { who: 'visitor', path: '/live' },
  '/live/:id': { who: 'visitor', path: m.stream },
  '/products/:id': { who: 'buyer', path: m.product },
  '/products/:id/inquiry': { who: 'buyer', path: `${m.product}/inquiry` },
  '/inquiries/:id': { who: 'team', path: m.inquiry },
  '/orders/:id': { who: 'buyer', path: m.order },
  '/contracts/:token': { who: 'visitor', path: m.contract },
  '/register': { who: 'visitor', path: '/register' },
  '/register/sent': { who: 'visitor', path: '/register/sent' },
  '/sign-in': { who: 'visitor', path: '/sign-in' },
  // Opened by the setup between the organizer's password and code (see `organizerDesk`).
  '/sign-in/code': { who: 'organizer', path: '/sign-in/code' },
  '/account/two-factor': { who: 'buyer', path: '/account/two-factor' },
  '/verify-email': { who: 'visitor', path: '/verify-email?token=used-or-unknown', status: 404 },
  '/forgot-password': { who: 'visitor', path: '/forgot-password' },
  '/forgot-password/sent': { who: 'visitor', path: '/forgot-password/sent' },
  '/reset-password': { who: 'visitor', path: '/reset-password?token=unknown' },
  '/invitation': { who: 'visitor', path: '/invitation?token=unknown', status: 404 },
  '/apply': { who: 'visitor', path: '/apply' },
  '/apply/sent': { who: 'visitor', path: '/apply/sent' },
  '/exhibitor/booth': { who: 'team', path: '/exhibitor/booth' },
  '/exhibitor/team': { who: 'team', path: '/exhibitor/team' },
  '/exhibitor/meetings': { who: 'team', path: '/exhibitor/meetings' },
  '/exhibitor/live': { who: 'team', path: '/exhibitor/live' },
  '/exhibitor/products': { who: 'team', path: '/exhibitor/products' },
  '/exhibitor/products/new': { who: 'team', path: '/exhibitor/products/new' },
  '/exhibitor/products/import': { who: 'team', path: '/exhibitor/products/import' },
  '/exhibitor/products/:id': { who: 'team', path: m.editedProduct },
  '/organizer/exhibitors': { who: 'organizer', path: '/organizer/exhibitors' },
  '/organizer/exhibitors/:slug': { who: 'organizer', path: m.organizerBooths },
  '/organizer/applications': { who: 'organizer', path: '/organizer/applications' },
  '/organizer/invite': { who: 'organizer', path: '/organizer/invite' },
  '/organizer/outbox': { who: 'organizer', path: '/organizer/outbox' },
  '/organizer/reports': { who: 'organizer', path: '/organizer/reports' },
  '/messages': { who: 'buyer', path: '/messages' },
  '/messages/:id': { who: 'buyer', path: m.conversation },
  '/offline': { who: 'visitor', path: '/offline' },
  // Not a route: whatever no route matches.
  '*': { who: 'visitor', path: '/no-such-page', status: 404 },
});

/** The day `days` from now in Shanghai, as YYYY-MM-DD. */
const dayAhead = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

const href = async (page: Page, selector: string) =>
  (await page.locator(selector).first().getAttribute('href', { timeout: 10_000 }))!;
const pathOf = (page: Page) => new URL(page.url()).pathname;

for (const language of ['en', 'ar'] as const) {
  test(`every page passes axe in ${language === 'en' ? 'English' : 'Arabic'}`, async ({ page, browser, errors, baseURL }, info) => {
    const js = info.project.use.javaScriptEnabled;
    test.skip(js === false, 'axe runs as a script in the page');
    test.setTimeout(300_000);
    const declared = routes();
    expect(declared.length, 'routes read from app/src/routes.rs').toBeGreaterThan(30);
    const planned = Object.keys(pages({} as Made)).filter((route) => route !== '*');
    expect([...planned].sort(), 'every route has a page in this test').toEqual([...declared].sort());

    // The setup, in English: a demo exhibitor's team (each language its own), a new buyer, the
    // organizer; the buyer inquires, is quoted, orders, books a meeting and writes.
    const team = await otherPerson(browser, js, 'Asia/Shanghai');
    const buyer = await otherPerson(browser, js, 'Europe/Berlin');
    const organizer = await otherPerson(browser, js);
    await signIn(team.page, js, language === 'en' ? demo.exhibitor : demo.exhibitor2);
    await team.page.goto('/exhibitor/team');
    const booth = (await team.page.getByRole('link', { name: 'See the booth' }).getAttribute('href', { timeout: 10_000 }))!;
    await team.page.goto('/exhibitor/products');
    // The last product: the products test puts one of its own first, then deletes it.
    const editedProduct = (await team.page.locator('main a[href^="/exhibitor/products/"]:not([href$="/new"]):not([href$="/import"])')
      .last().getAttribute('href', { timeout: 10_000 }))!;
    const day = dayAhead(language === 'en' ? 9 : 10);
    const added = await team.page.request.post('/api/add_availability', {
      form: { 'form[date]': day, 'form[from]': '11:00', 'form[to]': '11:30', 'form[minutes]': '30' },
    });
    expect(added.status()).toBe(200);
    const scheduled = await team.page.request.post('/api/schedule_stream', {
      form: { 'form[title_en]': `Every page, ${language}`, 'form[date]': day, 'form[time]': '15:00' },
    });
    expect(scheduled.status()).toBe(200);
    const stream = `/live/${await scheduled.json()}`;

    await verifiedBuyer(buyer.page, js, `every-page-${language}`);
    await buyer.page.goto(booth);
    const product = (await buyer.page.locator('main .product-card a[href^="/products/"]').last().getAttribute('href', { timeout: 10_000 }))!;
    await buyer.page.goto(`${product}/inquiry`);
    await ready(buyer.page, js);
    await buyer.page.getByLabel(/^Quantity/).fill('500');
    await buyer.page.getByLabel('Deliver to (country)').selectOption({ label: 'Brazil' });
    await buyer.page.getByLabel('Port or city').fill('Santos');
    await buyer.page.getByRole('button', { name: 'Send the inquiry' }).click();
    await expect(buyer.page).toHaveURL(/\/inquiries\/\d+$/);
    const inquiry = pathOf(buyer.page);
    await team.page.goto(inquiry);
    await ready(team.page, js);
    await team.page.getByLabel('Unit price').fill('3.10');
    await team.page.getByRole('button', { name: 'Send the quotation' }).click();
    await expect(team.page.locator('li.quotation')).toHaveCount(1);
    await buyer.page.reload();
    await ready(buyer.page, js);
    await buyer.page.getByRole('button', { name: 'Accept and place the order' }).click();
    await expect(buyer.page).toHaveURL(/\/orders\/\d+$/);
    const order = pathOf(buyer.page);
    const contract = await href(buyer.page, '#contract-verify-link');

    const slug = booth.split('/').pop()!;
    const booking = await (await buyer.page.request.post('/api/get_booking_page', { form: { exhibitor: slug } })).json();
    const slot = booking.slots.find((s: { starts: { exhibitor: string } }) => s.starts.exhibitor.includes(`${day} 11:00`));
    expect(slot, 'the published time').toBeTruthy();
    const booked = await buyer.page.request.post('/api/book_meeting', { form: { exhibitor: slug, slot: String(slot.id), topic: 'Samples' } });
    expect(booked.status()).toBe(200);
    const meetings = await (await buyer.page.request.post('/api/list_meetings')).json();
    const meeting = `/meetings/${meetings.find((m: { starts: { exhibitor: string } }) => m.starts.exhibitor.includes(`${day} 11:00`)).id}`;

    await buyer.page.goto(booth);
    await ready(buyer.page, js);
    await buyer.page.getByRole('button', { name: 'Contact the exhibitor' }).click();
    await expect(buyer.page).toHaveURL(/\/messages\/\d+$/);
    const conversation = pathOf(buyer.page);

    // The walk's pages, from the home page down.
    await page.goto('/');
    const category = await href(page, 'main a[href^="/categories/"]');
    await page.goto(category);
    const section = await href(page, 'main a[href^="/sections/"]');
    await page.goto(section);
    const hall = await href(page, 'main a[href^="/halls/"]');
    await searchReady(page);

    // The organizer signs in with the password, is asked for the code (checked here: the page
    // exists only between the two steps), and enters it.
    const setLanguage = async (p: Page) =>
      p.context().addCookies([{ name: 'i18n_pref_locale', value: language, url: baseURL! }]);
    const [email, password] = demo.organizer;
    await organizer.page.goto('/sign-in');
    await ready(organizer.page, js);
    await organizer.page.getByLabel('E-mail address').fill(email);
    await organizer.page.getByLabel('Password (at least 10 characters)').fill(password);
    await organizer.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(organizer.page).toHaveURL(/\/sign-in\/code$/);
    await setLanguage(organizer.page);
    await organizer.page.reload();
    await check(organizer.page, '/sign-in/code');
    await organizer.page.goto('/lang/en?next=/sign-in/code');
    await enterCode(organizer.page, js, freshCode(email, demoSecrets[email]));
    await expect(organizer.page.getByText(/^Signed in as /)).toBeVisible();
    await organizer.page.goto('/organizer/exhibitors');
    const organizerBooths = await href(organizer.page, 'main a[href^="/organizer/exhibitors/"]');

    // Every page, in the language.
    const made: Made = { category, section, hall, booth, product, editedProduct, inquiry, order, contract, meeting,
                         conversation, organizerBooths, stream };
    const people: Record<Who, Page> = { visitor: page, buyer: buyer.page, team: team.page, organizer: organizer.page };
    for (const p of Object.values(people)) await setLanguage(p);
    for (const [route, visit] of Object.entries(pages(made))) {
      if (route === '/sign-in/code') continue;
      const response = await people[visit.who].goto(visit.path);
      expect(response!.status(), `${route} (${visit.path})`).toBe(visit.status ?? 200);
      await check(people[visit.who], route);
    }

    async function check(p: Page, route: string) {
      await test.step(`${route} in ${language}`, async () => {
        await ready(p, js);
        await expect(p.locator('html'), route).toHaveAttribute('lang', language);
        await expect(p.locator('html'), route).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
        await expectAccessible(p, js);
      });
    }

    // The pages answering 404 on purpose are logged by the browser, and only they.
    errors.splice(0, errors.length, ...errors.filter((e) => !e.includes(expectedStatus(404))));
    for (const other of [team, buyer, organizer]) {
      expect(other.errors.filter((e) => !e.includes(expectedStatus(404)))).toEqual([]);
      await other.close();
    }
  });
}
