import type { AuthChecker } from 'type-graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { hydrate, selectColumns, toDbValue } from '../../core/db';
import { AuthToken } from './auth-token.entity';
import { allow, Permission } from '../access/policy';
import { User } from './user.entity';
import type { AppContext } from '../../core/context';
import { sha256 } from '../../core/crypto';
import { forbidden, unauthenticated } from '../../core/errors';

export const SESSION_COOKIE = 'eplan_session';
/** A sign-in session lasts one working day and a bit; signing in again starts a new one. */
export const SESSION_TTL_MS = 12 * 3600_000;

/**
 * Finds the user behind a session or API token: not revoked, account not disabled, a session not
 * expired. An expired API token is returned (with `token`) so that its refusal can say so and be
 * audited (api-token.ts `admitApiToken`).
 */
export async function authenticate(
  db: DataSource,
  now: Date,
  secret: string | undefined,
): Promise<{ user: User | null; authTokenId: number | null; token: AuthToken | null }> {
  const none = { user: null, authTokenId: null, token: null };
  if (!secret || secret.length > 200) return none;
  // Every request asks this: one hand-written statement (the query builder cost more than the query).
  const em = db.manager;
  const [raw]: Array<Record<string, unknown>> = await em.query(authenticateSql(em), [
    sha256(secret),
    toDbValue(db, now),
    toDbValue(db, false),
  ]);
  if (!raw) return none;
  const row = Object.assign(hydrate(em, AuthToken, raw, 't_'), { user: hydrate(em, User, raw, 'u_') });
  return { user: row.user, authTokenId: row.id, token: row };
}

/** authenticate's statement, made once per data source (each dialect quotes names its own way). */
function authenticateSql(em: EntityManager): string {
  const made = authenticateSqls.get(em.connection);
  if (made) return made;
  const sql = `SELECT ${selectColumns(em, AuthToken, 't')}, ${selectColumns(em, User, 'u')}
    FROM auth_token t JOIN app_user u ON u.id = t.user_id
    WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ? OR t.kind = 'API') AND u.disabled = ?`;
  authenticateSqls.set(em.connection, sql);
  return sql;
}
const authenticateSqls = new WeakMap<DataSource, string>();

/** How a request says who sends it: an API token (or a session's secret) as a bearer token, the browser's session cookie, or nothing. */
export function credentialOf(
  headers: { authorization?: string },
  cookies: Record<string, string> | undefined,
): 'bearer' | 'session' | null {
  if (headers.authorization?.startsWith('Bearer ')) return 'bearer';
  return typeof cookies?.[SESSION_COOKIE] === 'string' ? 'session' : null;
}

/** Reads the bearer token of an Authorization header, or the session cookie. */
export function secretOf(headers: { authorization?: string }, cookies: Record<string, string> | undefined): string | undefined {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  return cookies?.[SESSION_COOKIE];
}

/**
 * The one permission gate of the API (`@Authorized(Permission.X)`: the account holds every permission
 * named, anywhere; `@Authorized()`: signed in). No user → UNAUTHENTICATED. A mutation needs WRITE (but
 * SUBSCRIBE alone for a system's own webhooks) —
 * without it FORBIDDEN, said here because the framework would call a refusal under a bare
 * `@Authorized()` UNAUTHENTICATED, and the account is signed in. Where a permission reaches (which LAO,
 * which province) is checked by the services with `allow` and `scopeOf` (modules/access/policy.ts).
 */
export const authChecker: AuthChecker<AppContext, Permission> = ({ context, info }, permissions) => {
  const user = context.user;
  if (!user) throw unauthenticated();
  // Subscribing its own system to webhooks is the one thing a read-only account changes.
  const ownSubscription = permissions.length === 1 && permissions[0] === Permission.SUBSCRIBE;
  if (info.parentType.name === 'Mutation' && !ownSubscription && !allow(user, Permission.WRITE)) {
    throw forbidden('บัญชีนี้อ่านข้อมูลได้อย่างเดียว');
  }
  return permissions.every((p) => allow(user, p));
};
