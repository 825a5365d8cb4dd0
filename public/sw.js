// The fair's service worker: it keeps the catalogue pages a buyer visited, the site's bundles
// and the pictures they showed, so that those pages open with the network off, marked as saved
// copies; any other page opened offline gets the offline page. Online, every page still comes
// from the network first: the worker only keeps copies. Private pages are never kept: only
// the catalogue's paths (`app::routes::is_catalogue_page`, keep in step), and only answers
// without `Cache-Control: private` or `no-store` (a signed-in person's pages are private).
'use strict';

const VERSION = 'v1';
const SHELL = `shell-${VERSION}`;
const PAGES = `pages-${VERSION}`;
const ASSETS = `assets-${VERSION}`;
const OFFLINE_PAGE = '/offline';
// The most pages and assets kept; the oldest go first.
const MAX_PAGES = 60;
const MAX_ASSETS = 300;

const CATALOGUE = [
  /^\/$/,
  /^\/(categories|sections|halls|exhibitors|products)\/[^/]+\/?$/,
  /^\/(search|exhibitors)\/?$/,
];
const ASSET = /^\/(pkg\/|media\/(products|logos|uploads)\/|icons\/|favicon\.svg$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll([OFFLINE_PAGE, '/favicon.svg']))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  const kept = new Set([SHELL, PAGES, ASSETS]);
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => !kept.has(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request, url));
  } else if (ASSET.test(url.pathname) && !request.headers.has('range')) {
    event.respondWith(asset(request, url));
  }
});

/// A page: from the network, kept when it is a catalogue page that may be kept; offline, the
/// kept copy marked as saved, else the offline page.
async function page(request, url) {
  try {
    const response = await fetch(request);
    if (CATALOGUE.some((path) => path.test(url.pathname)) && keepable(response)) {
      await keep(PAGES, request, response.clone(), MAX_PAGES);
    }
    return response;
  } catch (offline) {
    const saved = await caches.match(request, { cacheName: PAGES });
    if (saved) return markSaved(saved);
    const fallback = await caches.match(OFFLINE_PAGE, { cacheName: SHELL });
    return fallback || Response.error();
  }
}

/// A bundle file, picture or icon: a hashed bundle file never changes under its name, so a
/// kept one is used at once; the rest come from the network while there is one.
async function asset(request, url) {
  const saved = await caches.match(request, { cacheName: ASSETS });
  if (saved && url.pathname.startsWith('/pkg/')) return saved;
  try {
    const response = await fetch(request);
    if (keepable(response)) await keep(ASSETS, request, response.clone(), MAX_ASSETS);
    return response;
  } catch (offline) {
    return saved || Response.error();
  }
}

function keepable(response) {
  const control = response.headers.get('cache-control') || '';
  return response.ok && response.type === 'basic' && !/no-store|private/.test(control);
}

async function keep(name, request, response, max) {
  const cache = await caches.open(name);
  await cache.put(request, response);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - max)).map((key) => cache.delete(key)));
}

/// The saved copy with its note shown: every page carries the note, hidden, in its language
/// (`app::components::offline_note`); `data-saved` on the document shows it.
async function markSaved(saved) {
  const html = (await saved.text()).replace('<html', '<html data-saved');
  const headers = new Headers(saved.headers);
  headers.delete('content-encoding');
  headers.delete('content-length');
  return new Response(html, { status: saved.status, headers });
}
