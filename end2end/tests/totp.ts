// Codes of an authenticator app (RFC 6238: HMAC-SHA1, 30-second steps, six digits), and the
// next code the tests' server has not seen yet for a demo account. Two workers sign in as
// the same demo owners, and the server accepts each step once, so they take steps in turn
// through a lock and a file per account that records the last step used.
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(secret: string): Buffer {
  let bits = '';
  for (const c of secret.replace(/[\s=]/g, '').toUpperCase()) {
    const value = ALPHABET.indexOf(c);
    if (value < 0) throw new Error(`not base32: ${secret}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

/** The code of `secret` (base32) for the 30-second `step`. */
export function totp(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = digest[19] & 0x0f;
  const word = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(word % 1_000_000).padStart(6, '0');
}

/** The step of now. */
export const stepNow = () => Math.floor(Date.now() / 30_000);

/** A code for `secret` of a step no test has used (the server takes each once, a step
 *  either side of its own): the step before while ten seconds of the current one are left
 *  (so that the code stays good however slow the page), else the current one, else the next;
 *  waiting when those were used. `account` names the record shared by the workers. */
export async function freshCode(account: string, secret: string): Promise<string> {
  const port = process.env.CLOUD_FAIR_E2E_PORT ?? '3210';
  const lock = join(tmpdir(), `cloud-fair-e2e-${port}-${account}.lock`);
  const record = join(tmpdir(), `cloud-fair-e2e-${port}-${account}.step`);
  for (let tries = 0; tries < 400; tries++) {
    try {
      mkdirSync(lock);
    } catch {
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      let last = 0;
      try { last = Number(readFileSync(record, 'utf8')) || 0; } catch { /* none yet */ }
      const leftOfStep = 30_000 - (Date.now() % 30_000);
      const earliest = leftOfStep >= 10_000 ? stepNow() - 1 : stepNow();
      const step = Math.max(earliest, last + 1);
      if (step <= stepNow() + 1) {
        writeFileSync(record, String(step));
        return totp(secret, step);
      }
    } finally {
      rmdirSync(lock);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`no fresh code for ${account}`);
}
