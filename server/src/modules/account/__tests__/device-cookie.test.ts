import { randomBytes } from 'node:crypto';
import { trustDevice, trustedNonce } from '../device-cookie';

describe('device cookies', () => {
  const key = randomBytes(32);

  it('trusts a browser only for the account its entry was signed for, with this server’s key', () => {
    const cookie = trustDevice(undefined, 42, key);
    const nonce = trustedNonce(cookie, 42, key);
    expect(nonce).toMatch(/^[\w-]{22}$/);
    expect(trustedNonce(cookie, 43, key)).toBeNull();
    expect(trustedNonce(cookie, 42, randomBytes(32))).toBeNull();
    expect(trustedNonce(cookie.replace(/^42\./, '43.'), 43, key)).toBeNull();
    expect(
      trustedNonce(
        cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
        42,
        key,
      ),
    ).toBeNull();
    expect(trustedNonce('garbage', 42, key)).toBeNull();
  });

  it('keeps the nonce of a valid entry, newest account first, at most five accounts', () => {
    let cookie = trustDevice(undefined, 1, key);
    const first = trustedNonce(cookie, 1, key);
    for (const id of [2, 3, 4, 5, 6]) cookie = trustDevice(cookie, id, key);
    expect(cookie.split('~').map((e) => Number(e.split('.')[0]))).toEqual([6, 5, 4, 3, 2]);
    expect(trustedNonce(cookie, 1, key)).toBeNull();
    const again = trustDevice(cookie, 4, key);
    expect(again.split('~').map((e) => Number(e.split('.')[0]))).toEqual([4, 6, 5, 3, 2]);
    expect(trustedNonce(again, 4, key)).toBe(trustedNonce(cookie, 4, key));
    expect(first).not.toBeNull();
  });
});
