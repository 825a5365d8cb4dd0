// The first visit to each catalogue page on a slow mobile link, in Debian's Chromium: the bytes
// of script and WebAssembly transferred (as sent, brotli where the server sends it) and the
// time until the page is interactive (`html[data-hydrated]`, set once the page's code has
// run). Every page in a fresh browser context, so nothing comes from a cache.
//
//   node bench/first-load.mjs http://127.0.0.1:3000
//
// Prints a Markdown table; exits non-zero if a page misses a target (150 KiB, 3 s).
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const link = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const targets = { scriptBytes: 150 * 1024, interactiveMs: 3_000 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

/** The catalogue pages of the fair at `base`, found by following the home page's links. */
async function cataloguePages() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const firstLink = async (prefix) => {
    const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute('href');
    if (!href) throw new Error(`no link starting ${prefix} on ${page.url()}`);
    return href;
  };
  await page.goto(`${base}/`);
  const category = await firstLink('/categories/');
  const product = await firstLink('/products/');
  await page.goto(`${base}${category}`);
  const section = await firstLink('/sections/');
  await page.goto(`${base}${section}`);
  const hall = await firstLink('/halls/');
  await page.goto(`${base}/exhibitors`);
  const booth = await firstLink('/exhibitors/');
  await context.close();
  return [
    ['home', '/'], ['category', category], ['section', section], ['hall', hall],
    ['booth', booth], ['product', product], ['search', '/search?q=lamp'], ['directory', '/exhibitors'],
  ];
}

/** One first visit: bytes by kind, and milliseconds from navigation to interactive. */
async function firstVisit(path) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...link });
  const responses = new Map();
  const bytes = { script: 0, wasm: 0, all: 0 };
  const encodings = new Set();
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    responses.set(requestId, { type, url: response.url, headers: response.headers });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const response = responses.get(requestId);
    if (!response) return;
    bytes.all += encodedDataLength;
    const url = new URL(response.url).pathname;
    const kind = url.endsWith('.wasm') ? 'wasm' : (response.type === 'Script' || url.endsWith('.js')) ? 'script' : null;
    if (!kind) return;
    bytes[kind] += encodedDataLength;
    const encoding = Object.entries(response.headers)
      .find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
    encodings.add(encoding ?? 'none');
  });
  await page.goto(`${base}${path}`, { waitUntil: 'commit', timeout: 120_000 });
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', null,
    { polling: 'raf', timeout: 120_000 });
  const interactiveMs = await page.evaluate(() => performance.now());
  await page.waitForLoadState('load');
  await context.close();
  return { interactiveMs, ...bytes, encodings: [...encodings].join(', ') };
}

const kib = (n) => (n / 1024).toFixed(1);
console.log(`First visits on a ${link.downloadThroughput * 8 / 1e6} Mbit/s, ${link.latency} ms link (${base}, ${new Date().toISOString().slice(0, 10)})\n`);
console.log('| Page | Path | Script + wasm (KiB) | of which wasm | Encoding | All bytes (KiB) | Interactive (s) |');
console.log('|---|---|---:|---:|---|---:|---:|');
let missed = 0;
for (const [name, path] of await cataloguePages()) {
  const visit = await firstVisit(path);
  const scriptBytes = visit.script + visit.wasm;
  const over = scriptBytes > targets.scriptBytes || visit.interactiveMs > targets.interactiveMs;
  if (over) missed += 1;
  console.log(`| ${name} | \`${path}\` | ${kib(scriptBytes)} | ${kib(visit.wasm)} | ${visit.encodings} | ${kib(visit.all)} | ${(visit.interactiveMs / 1000).toFixed(2)}${over ? ' ✗' : ''} |`);
}
await browser.close();
console.log(`\nTargets: at most ${kib(targets.scriptBytes)} KiB of script and wasm, interactive within ${targets.interactiveMs / 1000} s.`);
if (missed) {
  console.error(`${missed} page(s) missed a target.`);
  process.exit(1);
}
