import { registerEnumType } from 'type-graphql';

/**
 * What an API token may read (and the one thing it may write), chosen when the token is made. Each
 * scope names a set of the fields and documents a SERVICE account reaches (API_SCOPES, policy.ts).
 */
export enum ApiScope {
  /** The LAO registry: codes, names, places, basic data. */
  READ_REGISTRY = 'read:registry',
  /** Action plans: projects, baselines, dashboards, the action-plan documents. */
  READ_PLANS = 'read:plans',
  /** Progress reports, reporting windows, the overview, results and memo documents. */
  READ_REPORTS = 'read:reports',
  /** Scores: SAR, the province and national tables, level thresholds, their documents. */
  READ_SCORES = 'read:scores',
  /** The review queue of requests waiting for NACC. */
  READ_REVIEWS = 'read:reviews',
  /** The change feed (and the names of its events). */
  READ_CHANGES = 'read:changes',
  /** The account's own webhooks: list, deliveries, subscribe, unsubscribe, redeliver. */
  WRITE_WEBHOOKS = 'write:webhooks',
}
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'What an API token may reach (docs/API.md lists the fields of each)',
  valuesConfig: {
    READ_REGISTRY: { description: 'read:registry — ทะเบียน อปท.' },
    READ_PLANS: { description: 'read:plans — แผนปฏิบัติการและโครงการ' },
    READ_REPORTS: { description: 'read:reports — รายงานผลการดำเนินงาน' },
    READ_SCORES: { description: 'read:scores — คะแนนและระดับการประเมิน' },
    READ_REVIEWS: { description: 'read:reviews — คำขอที่รอการพิจารณา และรายการควรตรวจสอบ' },
    READ_CHANGES: { description: 'read:changes — รายการการเปลี่ยนแปลง (change feed)' },
    WRITE_WEBHOOKS: { description: 'write:webhooks — จัดการ webhook ของระบบงานนี้' },
  },
});

/** Every scope, in the order of the enum. */
export const API_SCOPE_LIST: ApiScope[] = Object.values(ApiScope);

/** The scopes of a token made without naming any, and of the tokens made before scopes existed: all of them. */
export const DEFAULT_API_SCOPES: ApiScope[] = API_SCOPE_LIST;

/** Thai names of the scopes, for messages. */
export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  [ApiScope.READ_REGISTRY]: 'อ่านทะเบียน อปท.',
  [ApiScope.READ_PLANS]: 'อ่านแผนปฏิบัติการและโครงการ',
  [ApiScope.READ_REPORTS]: 'อ่านรายงานผลการดำเนินงาน',
  [ApiScope.READ_SCORES]: 'อ่านคะแนนและระดับการประเมิน',
  [ApiScope.READ_REVIEWS]: 'อ่านคำขอที่รอการพิจารณาและรายการควรตรวจสอบ',
  [ApiScope.READ_CHANGES]: 'อ่านรายการการเปลี่ยนแปลง',
  [ApiScope.WRITE_WEBHOOKS]: 'จัดการ webhook',
};
