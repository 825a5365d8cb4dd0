// Lighthouse 12 (mobile settings: a mid-range phone, simulated slow 4G) over the home, hall,
// booth, product and search pages, in Debian's Chromium: the four category scores and the
// metrics behind performance, then every audit that kept a category below 100.
//
//   node bench/lighthouse.mjs http://127.0.0.1:3000
//
// Prints Markdown; exits non-zero if a page misses a target (performance 95, the others 100).
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const targets = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

/** The pages to score, found by following the fair's own links. */
async function pages() {
  const html = async (path) => (await fetch(`${base}${path}`)).text();
  const first = (page, prefix) => {
    const match = page.match(new RegExp(`href="(${prefix}[^"?#]+)"`));
    if (!match) throw new Error(`no link starting ${prefix}`);
    return match[1];
  };
  const home = await html('/');
  const category = first(home, '/categories/');
  const section = first(await html(category), '/sections/');
  const hall = first(await html(section), '/halls/');
  const booth = first(await html('/exhibitors'), '/exhibitors/');
  const product = first(home, '/products/');
  return [['home', '/'], ['hall', hall], ['booth', booth], ['product', product], ['search', '/search?q=lamp']];
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const rows = [];
const shortfalls = [];
try {
  for (const [name, path] of await pages()) {
    const { lhr } = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
    const score = (id) => Math.round(lhr.categories[id].score * 100);
    const metric = (id) => lhr.audits[id].displayValue;
    rows.push(`| ${name} | \`${path}\` | ${Object.keys(targets).map(score).join(' | ')} | ${['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map(metric).join(' | ')} |`);
    for (const [id, target] of Object.entries(targets)) {
      if (score(id) >= target) continue;
      const failing = lhr.categories[id].auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map((ref) => `${ref.id} (${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`);
      shortfalls.push(`- ${name}, ${id} ${score(id)} < ${target}: ${failing.join(', ') || 'no single audit'}`);
    }
  }
} finally {
  await chrome.kill();
}
console.log(`Lighthouse 12, mobile (${base}, ${new Date().toISOString().slice(0, 10)})\n`);
console.log('| Page | Path | Performance | Accessibility | Best practices | SEO | FCP | LCP | TBT | CLS | Speed index |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
rows.forEach((row) => console.log(row));
if (shortfalls.length) {
  console.log(`\nBelow target:\n${shortfalls.join('\n')}`);
  process.exit(1);
}
