import { registerEnumType } from 'type-graphql';
import type { User } from '../account/user.entity';
import { ApiScope } from './api-scope';
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
  /** Read what NACC publishes: plans, figures and scores of closed rounds, no personal data (anyone, signed in or not). */
  READ_PUBLISHED = 'READ_PUBLISHED',
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

/** What everyone holds, the visitor with no session (the public pages) included. */
export const PUBLIC_POLICY: Partial<Record<Permission, Reach>> = {
  READ_PUBLISHED: Reach.NATION,
};

/**
 * The account acting (its role and the LAO and province it belongs to), or nobody. `tokenProvince`: the
 * province an API token is restricted to — the account then reaches no further than a province officer
 * of that province (nationwide reaches become that province; the national table is refused).
 */
export type Actor = (Pick<User, 'role' | 'laoCode' | 'provinceCode'> & { tokenProvince?: string | null }) | null;

/** How far the actor's permission reaches, narrowed by a province restriction of its token. */
export function reachOf(actor: NonNullable<Actor>, permission: Permission): Reach | undefined {
  const reach = POLICY[actor.role][permission] ?? PUBLIC_POLICY[permission];
  // What is published is everyone's: a token's province does not narrow it.
  if (!actor.tokenProvince || !reach || permission === Permission.READ_PUBLISHED) return reach;
  if (permission === Permission.READ_NATIONAL_SCORES) return undefined;
  return reach === Reach.NATION ? Reach.OWN_PROVINCE : reach;
}

/** The province an OWN_PROVINCE reach means: the token's restriction, else the account's own. */
const provinceOf = (actor: NonNullable<Actor>): string | null => actor.tokenProvince ?? actor.provinceCode;

/** A place a permission is asked for: an LAO (its code and province), or a province. */
export interface Place {
  laoCode?: string;
  provinceCode: string;
}

/** The place of an LAO. */
export const placeOfLao = (lao: { code: string; provinceCode: string }): Place => ({ laoCode: lao.code, provinceCode: lao.provinceCode });

/** The permissions of an account, in the order of the enum. */
export const permissionsOf = (actor: Actor): Permission[] =>
  actor ? Object.values(Permission).filter((p) => reachOf(actor, p) !== undefined) : [];

/**
 * Whether the actor holds the permission — anywhere (no place given), or over the place given. An
 * account whose LAO or province is not set reaches no LAO and no province.
 */
export function allow(actor: Actor, permission: Permission, place?: Place): boolean {
  const reach = actor ? reachOf(actor, permission) : PUBLIC_POLICY[permission];
  if (!reach) return false;
  if (!place || reach === Reach.NATION) return true;
  if (!actor) return false;
  if (reach === Reach.OWN_PROVINCE) return !!provinceOf(actor) && provinceOf(actor) === place.provinceCode;
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
  const reach = actor ? reachOf(actor, permission) : undefined;
  if (!actor || !reach) return null;
  if (reach === Reach.NATION) return { laoCode: null, provinceCode: null };
  const provinceCode = provinceOf(actor) ?? NOWHERE;
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

/** The permission each field made for other systems reads with (their API token scopes: API_SCOPES). */
export const API_READS = {
  laosConnection: Permission.READ_LAO,
  projectsConnection: Permission.READ_LAO,
  progressReportsConnection: Permission.READ_LAO,
  changes: Permission.READ_LAO,
} as const;

/**
 * The one table of what an API token may call: every root field a SERVICE account reaches and every
 * document of `/export`, with the scope that grants it (`null`: any token). A token calling anything
 * else — a field or route missing here, or one its scopes do not grant — is refused with FORBIDDEN
 * naming the missing scope (account/api-scope.plugin.ts), before any resolver runs. `/import` is not
 * here: SERVICE may not import, so no token ever reaches it. Within what a scope grants, the token reads
 * as its account does (scopeOf), or, with a province restriction, as a province officer of that
 * province would (`Actor.tokenProvince`): the national table is then refused.
 *
 * Free (`null`): who the caller is and what is left of its budget; what anyone may read or do signed
 * out (provinces, districts, fiscal years, plan dimensions, the username lookup, signing in and out,
 * password resets) — refusing it to a token would protect nothing; `__typename` and introspection
 * (`__schema`, `__type`), which are not fields of Query. No other mutation is here: a token changes
 * nothing but its account's webhooks (write:webhooks).
 */
export const API_SCOPES: Record<string, ApiScope | null> = {
  'Query.me': null,
  'Query.rateLimit': null,
  'Query.provinces': null,
  'Query.districts': null,
  'Query.fiscalYearOptions': null,
  'Query.planDimensions': null,
  'Query.usernameLookup': null,
  // What anyone may do signed out: a token adds nothing to it (logout with a token ends that token, as it always did).
  'Mutation.login': null,
  'Mutation.logout': null,
  'Mutation.requestPasswordReset': null,
  'Mutation.resetPassword': null,
  // read:registry — the LAO registry and each LAO's basic data.
  'Query.lao': ApiScope.READ_REGISTRY,
  'Query.laos': ApiScope.READ_REGISTRY,
  'Query.laosConnection': ApiScope.READ_REGISTRY,
  // read:plans — action plans and their projects.
  'Query.projects': ApiScope.READ_PLANS,
  'Query.project': ApiScope.READ_PLANS,
  'Query.projectsConnection': ApiScope.READ_PLANS,
  'Query.actionPlan': ApiScope.READ_PLANS,
  'Query.baselineYears': ApiScope.READ_PLANS,
  'Query.laoDashboard': ApiScope.READ_PLANS,
  'GET /export/action-plan.pdf': ApiScope.READ_PLANS,
  'GET /export/action-plan.xlsx': ApiScope.READ_PLANS,
  // read:reports — progress reports and what is made of them.
  'Query.progressReportsConnection': ApiScope.READ_REPORTS,
  'Query.reportDraft': ApiScope.READ_REPORTS,
  'Query.reportingWindows': ApiScope.READ_REPORTS,
  'Query.laoOverview': ApiScope.READ_REPORTS,
  'Query.planResults': ApiScope.READ_REPORTS,
  'GET /export/overview.pdf': ApiScope.READ_REPORTS,
  'GET /export/overview.xlsx': ApiScope.READ_REPORTS,
  'GET /export/plan-results.pdf': ApiScope.READ_REPORTS,
  'GET /export/plan-results.xlsx': ApiScope.READ_REPORTS,
  'GET /export/memo.pdf': ApiScope.READ_REPORTS,
  'Query.provinceFollowUp': ApiScope.READ_REPORTS,
  'Query.nationalFollowUp': ApiScope.READ_REPORTS,
  'GET /export/follow-up.xlsx': ApiScope.READ_REPORTS,
  'Query.reportingWorklist': ApiScope.READ_REPORTS,
  // The evidence files of reports and plans (uploading one is an LAO's own write: no token makes it).
  'Query.attachments': ApiScope.READ_REPORTS,
  'GET /attachments/:id': ApiScope.READ_REPORTS,
  // read:scores — SAR scores, the province and national tables, the levels they are read by.
  'Query.sarScores': ApiScope.READ_SCORES,
  'Query.provinceScores': ApiScope.READ_SCORES,
  'Query.nationalScores': ApiScope.READ_SCORES,
  'Query.levelThresholds': ApiScope.READ_SCORES,
  'GET /export/province.pdf': ApiScope.READ_SCORES,
  'GET /export/province.xlsx': ApiScope.READ_SCORES,
  'GET /export/national-scores.pdf': ApiScope.READ_SCORES,
  'GET /export/national-scores.xlsx': ApiScope.READ_SCORES,
  // read:reviews — the queue of requests waiting for NACC, and the queue of red flags.
  'Query.reviewQueue': ApiScope.READ_REVIEWS,
  'Query.redFlags': ApiScope.READ_REVIEWS,
  // read:changes — the change feed.
  'Query.changes': ApiScope.READ_CHANGES,
  'Query.webhookEvents': ApiScope.READ_CHANGES,
  // write:webhooks — the account's webhooks (SUBSCRIBE), which push the change feed.
  'Query.webhooks': ApiScope.WRITE_WEBHOOKS,
  'Query.webhookDeliveries': ApiScope.WRITE_WEBHOOKS,
  'Mutation.createWebhook': ApiScope.WRITE_WEBHOOKS,
  'Mutation.deleteWebhook': ApiScope.WRITE_WEBHOOKS,
  'Mutation.redeliverWebhook': ApiScope.WRITE_WEBHOOKS,
};
