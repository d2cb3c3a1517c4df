import { registerEnumType } from 'type-graphql';
import type { User } from '../account/user.entity';
import { Role } from './role';

/**
 * What an account may do. Resolvers ask for a permission (`@Authorized(Permission.REVIEW)`), services
 * for a permission on a place (`allow(actor, Permission.EDIT_LAO, lao)`), lists for the places a
 * permission reaches (`scopeOf`), and the client for the account's permissions (`me.grants`) to
 * build its menus and buttons. Roles appear in this file only.
 */
export enum Permission {
  /** Read an LAO's plan, reports, requests and documents. */
  READ_LAO = 'READ_LAO',
  /** Keep an LAO's own data: basic data, projects, reports, change requests. */
  EDIT_LAO = 'EDIT_LAO',
  /** Decide an LAO's requests and mark compliance; score the SAR. */
  REVIEW = 'REVIEW',
  /** Read the review queue. */
  READ_REVIEWS = 'READ_REVIEWS',
  /** Read a province's table of LAO scores. */
  READ_PROVINCE_SCORES = 'READ_PROVINCE_SCORES',
  /** Read the national table of provinces. */
  READ_NATIONAL_SCORES = 'READ_NATIONAL_SCORES',
  /** Read the audit log. */
  READ_AUDIT = 'READ_AUDIT',
  /** Accounts, the LAO registry, plan years, reporting windows, imports and settings. */
  ADMINISTER = 'ADMINISTER',
  /** Change anything at all (any mutation); an account without it only reads. */
  WRITE = 'WRITE',
  /** Subscribe the account's own system to the change feed by webhook (the one write of a read-only account). */
  SUBSCRIBE = 'SUBSCRIBE',
}
registerEnumType(Permission, { name: 'Permission', description: 'What an account may do (the client builds its menus from them)' });

/** How far a permission reaches: the account's own LAO, its own province, or the whole country. */
export enum Reach {
  OWN_LAO = 'OWN_LAO',
  OWN_PROVINCE = 'OWN_PROVINCE',
  NATION = 'NATION',
}
registerEnumType(Reach, { name: 'Reach', description: 'How far a permission reaches: the own LAO, the own province, the whole country' });

/**
 * The one table of who may do what, and where. Adding a role = the enum and its traits (role.ts), its
 * row here, its menu entry in the client. A permission a role lacks is refused everywhere.
 */
export const POLICY: Record<Role, Partial<Record<Permission, Reach>>> = {
  [Role.LAO_OFFICER]: {
    READ_LAO: Reach.OWN_LAO,
    EDIT_LAO: Reach.OWN_LAO,
    // Where its LAO stands among the province's LAOs, as the old system showed it (PRODUCT.md §1).
    READ_PROVINCE_SCORES: Reach.OWN_PROVINCE,
    WRITE: Reach.NATION,
  },
  [Role.PROVINCE_OFFICER]: {
    READ_LAO: Reach.OWN_PROVINCE,
    REVIEW: Reach.OWN_PROVINCE,
    READ_REVIEWS: Reach.OWN_PROVINCE,
    READ_PROVINCE_SCORES: Reach.OWN_PROVINCE,
    READ_AUDIT: Reach.OWN_PROVINCE,
    WRITE: Reach.NATION,
  },
  [Role.ADMIN]: {
    READ_LAO: Reach.NATION,
    REVIEW: Reach.NATION,
    READ_REVIEWS: Reach.NATION,
    READ_PROVINCE_SCORES: Reach.NATION,
    READ_NATIONAL_SCORES: Reach.NATION,
    READ_AUDIT: Reach.NATION,
    ADMINISTER: Reach.NATION,
    WRITE: Reach.NATION,
    SUBSCRIBE: Reach.NATION,
  },
  // Another NACC system: reads what NACC central reads, changes nothing.
  [Role.SERVICE]: {
    READ_LAO: Reach.NATION,
    READ_REVIEWS: Reach.NATION,
    READ_PROVINCE_SCORES: Reach.NATION,
    READ_NATIONAL_SCORES: Reach.NATION,
    SUBSCRIBE: Reach.NATION,
  },
};

/** The account acting (its role and the LAO and province it belongs to), or nobody. */
export type Actor = Pick<User, 'role' | 'laoCode' | 'provinceCode'> | null;

/** A place a permission is asked for: an LAO (its code and province), or a province. */
export interface Place {
  laoCode?: string;
  provinceCode: string;
}

/** The place of an LAO. */
export const placeOfLao = (lao: { code: string; provinceCode: string }): Place => ({ laoCode: lao.code, provinceCode: lao.provinceCode });

/** The permissions of an account, in the order of the enum. */
export const permissionsOf = (actor: Actor): Permission[] =>
  actor ? Object.values(Permission).filter((p) => POLICY[actor.role][p] !== undefined) : [];

/**
 * Whether the actor holds the permission — anywhere (no place given), or over the place given. An
 * account whose LAO or province is not set reaches no LAO and no province.
 */
export function allow(actor: Actor, permission: Permission, place?: Place): boolean {
  const reach = actor ? POLICY[actor.role][permission] : undefined;
  if (!actor || !reach) return false;
  if (!place || reach === Reach.NATION) return true;
  if (reach === Reach.OWN_PROVINCE) return !!actor.provinceCode && actor.provinceCode === place.provinceCode;
  return !!actor.laoCode && actor.laoCode === place.laoCode;
}

/** The places a permission of the actor covers, for lists and tables: null = the whole country. */
export interface Scope {
  laoCode: string | null;
  provinceCode: string | null;
}

/** What an officer whose account names no LAO or province covers: codes that match none, never the whole country. */
export const NOWHERE = '-';

/** The LAOs and province a permission reaches: what every list and aggregate filters by. Null when not held at all. */
export function scopeOf(actor: Actor, permission: Permission): Scope | null {
  const reach = actor ? POLICY[actor.role][permission] : undefined;
  if (!actor || !reach) return null;
  if (reach === Reach.NATION) return { laoCode: null, provinceCode: null };
  const provinceCode = actor.provinceCode ?? NOWHERE;
  return reach === Reach.OWN_PROVINCE ? { laoCode: null, provinceCode } : { laoCode: actor.laoCode ?? NOWHERE, provinceCode };
}

/**
 * The province a list covers when the caller asked for `asked` (null = no choice): the scope's own
 * province — asking for another is refused with `refusal` — or, for a nationwide scope, the one asked.
 */
export function provinceWithin(scope: Scope, asked: string | null | undefined, refusal: () => Error): string | null {
  if (scope.provinceCode === null) return asked ?? null;
  if (asked && asked !== scope.provinceCode) throw refusal();
  return scope.provinceCode;
}

/**
 * The permission each field made for other systems reads with. Their callers are scoped like every
 * other reader (scopeOf: an LAO officer its LAO, a province officer its province, SERVICE the country);
 * the scopes of API tokens name these fields:
 *
 * | token scope     | field                       | permission |
 * |-----------------|-----------------------------|------------|
 * | `read:registry` | `laosConnection`            | READ_LAO   |
 * | `read:plans`    | `projectsConnection`        | READ_LAO   |
 * | `read:reports`  | `progressReportsConnection` | READ_LAO   |
 * | (any caller)    | `rateLimit`                 | none: every signed-in account or token may ask what is left of its budget |
 */
export const API_READS = {
  laosConnection: Permission.READ_LAO,
  projectsConnection: Permission.READ_LAO,
  progressReportsConnection: Permission.READ_LAO,
  changes: Permission.READ_LAO,
} as const;
