// Browser tests run against the release bundle, served by the binary CLOUD_FAIR_BIN names (in
// .ci/test.sh the tests' own debug build), with the demo fair on a fresh SQLite file,
// in Debian's Chromium (never a downloaded browser), once hydrated and once with JavaScript off.
// The server sends its mail to a real SMTP server the tests start (mail-server.mjs), whose
// received messages the tests read over HTTP (fixtures.ts: mailTo). It trusts 127.0.0.1 as a
// reverse proxy, so a test's browser can be another client by sending X-Forwarded-For.
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.CLOUD_FAIR_E2E_PORT ?? 3210);
const smtpPort = port + 10;
const mailPort = port + 11;
process.env.CLOUD_FAIR_E2E_MAIL = `http://127.0.0.1:${mailPort}`;
const dataDir = mkdtempSync(join(tmpdir(), 'cloud-fair-e2e-'));

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
             '--disable-sync', '--no-first-run', '--disable-quic',
             // Video calls: a generated camera and microphone, granted without asking.
             '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    },
  },
  projects: [
    { name: 'hydrated', use: { javaScriptEnabled: true } },
    { name: 'no-js', use: { javaScriptEnabled: false } },
  ],
  webServer: [
    {
      command: `node mail-server.mjs ${smtpPort} ${mailPort}`,
      url: `http://127.0.0.1:${mailPort}/health`,
      reuseExistingServer: false,
    },
    {
      command: `${process.env.CLOUD_FAIR_BIN ?? '../target/release/server'} --data-dir ${dataDir} --addr 127.0.0.1:${port} --site-root ${process.env.LEPTOS_SITE_ROOT ?? '../target/site'} --smtp-url smtp://127.0.0.1:${smtpPort} --rate-limit-scale 10 --trusted-proxies 127.0.0.1 serve --demo`,
      url: `http://127.0.0.1:${port}/healthz`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
