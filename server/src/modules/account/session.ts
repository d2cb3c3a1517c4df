import type { AppContext } from '../../core/context';
import { SESSION_TTL_MS } from './authentication';
import { execute } from '../../core/db';
import { randomToken, sha256 } from '../../core/crypto';
import { AuthToken, type AuthTokenKind } from './auth-token.entity';

/** Issues a new secret of the given kind for a user; only its hash is stored. */
export async function issueToken(
  ctx: AppContext,
  userId: number,
  kind: AuthTokenKind,
  name = '',
  terms: Partial<Pick<AuthToken, 'scopes' | 'provinceCode' | 'allowedIps' | 'expiresAt'>> = {},
): Promise<{ secret: string; token: AuthToken }> {
  const secret = randomToken();
  const now = ctx.clock.now();
  const repo = ctx.em.getRepository(AuthToken);
  const token = repo.create({
    tokenHash: sha256(secret),
    userId,
    kind,
    name,
    createdAt: now,
    expiresAt: kind === 'SESSION' ? new Date(now.getTime() + SESSION_TTL_MS) : (terms.expiresAt ?? null),
    revokedAt: null,
    scopes: terms.scopes ?? [],
    provinceCode: terms.provinceCode ?? null,
    allowedIps: terms.allowedIps ?? [],
    lastUsedAt: null,
    rotatedAt: null,
  });
  await repo.save(token);
  return { secret, token };
}

/** Revokes every live session of a user (all of them, or all but one); API tokens stay unless asked. */
export async function revokeUserTokens(
  ctx: AppContext,
  userId: number,
  options: { exceptTokenId?: number | null; includeApiTokens?: boolean } = {},
): Promise<number> {
  const kinds = options.includeApiTokens ? ['SESSION', 'API'] : ['SESSION'];
  return execute(
    ctx.em,
    `UPDATE auth_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND kind IN (${kinds.map(() => '?').join(', ')}) AND id <> ?`,
    [ctx.clock.now(), userId, ...kinds, options.exceptTokenId ?? -1],
  );
}
