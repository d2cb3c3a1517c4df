import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** argon2id with OWASP's minimum (19 MiB, 2 passes): about 25 ms a check on one core here. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, ARGON2_OPTIONS);

/** A hash of nothing in particular, checked when a username does not exist so that both answers take as long. */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    decoyHash ??= hashPassword(randomToken());
    await argon2.verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

/** A 256-bit random secret, URL-safe. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a secret: its SHA-256, hex. (Secrets are random, so no salt is needed.) */
export const sha256 = (secret: string): string => createHash('sha256').update(secret).digest('hex');
