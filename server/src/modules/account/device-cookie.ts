import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { insertIgnore } from '../../core/db';
import { executeAlone } from '../../core/transaction';
import { ServerSecret } from './server-secret.entity';

/**
 * OWASP device cookies: after a successful sign-in the browser gets a signed entry naming the account
 * and a random nonce. Later tries from that browser for that account count against the browser's own
 * lockout unit, so strangers' wrong passwords, which lock the account for untrusted browsers only,
 * never lock out someone who has signed in there before. One cookie holds the entries of up to five
 * accounts (an office computer shared by several officers).
 */
export const DEVICE_COOKIE = 'eplan_device';
/** A browser stays trusted for half a year after its last successful sign-in. */
export const DEVICE_TTL_MS = 183 * 24 * 3600_000;
const MAX_ACCOUNTS = 5;
const SECRET_NAME = 'device-cookie';

const keys = new WeakMap<DataSource, Promise<Buffer>>();

/** The signing key, shared by every instance through the database and made by whichever needs it first. */
export function deviceKey(db: DataSource): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = (async () => {
      const fresh = randomBytes(32).toString('base64url');
      await executeAlone(db, `${insertIgnore(db)} INTO server_secret (name, value) VALUES (?, ?)`, [SECRET_NAME, fresh]);
      const row = await db.getRepository(ServerSecret).findOneByOrFail({ name: SECRET_NAME });
      return Buffer.from(row.value, 'base64url');
    })();
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

const sign = (key: Buffer, userId: number, nonce: string) => createHmac('sha256', key).update(`${userId}.${nonce}`).digest();

function entries(cookie: string | undefined): Array<{ userId: number; nonce: string; signature: string }> {
  if (!cookie || cookie.length > 1000) return [];
  return cookie
    .split('~')
    .slice(0, MAX_ACCOUNTS)
    .map((entry) => /^(\d{1,12})\.([\w-]{22})\.([\w-]{43})$/.exec(entry))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ userId: Number(m[1]), nonce: m[2], signature: m[3] }));
}

/** The nonce of this browser's valid entry for the account, or null: an untrusted browser for it. */
export function trustedNonce(cookie: string | undefined, userId: number, key: Buffer): string | null {
  for (const entry of entries(cookie)) {
    if (entry.userId !== userId) continue;
    // Compared as text, so that only the one canonical encoding of the signature is accepted.
    const expected = Buffer.from(sign(key, userId, entry.nonce).toString('base64url'));
    if (timingSafeEqual(Buffer.from(entry.signature), expected)) return entry.nonce;
  }
  return null;
}

/** The cookie with this browser trusted for the account: its entry first (kept if it was valid), the oldest others dropped. */
export function trustDevice(cookie: string | undefined, userId: number, key: Buffer): string {
  const nonce = trustedNonce(cookie, userId, key) ?? randomBytes(16).toString('base64url');
  const others = entries(cookie)
    .filter((e) => e.userId !== userId)
    .map((e) => `${e.userId}.${e.nonce}.${e.signature}`);
  return [`${userId}.${nonce}.${sign(key, userId, nonce).toString('base64url')}`, ...others].slice(0, MAX_ACCOUNTS).join('~');
}
