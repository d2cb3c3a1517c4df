import ExcelJS from 'exceljs';
import { Not } from 'typeorm';
import { getNamedType, isLeafType, isNonNullType, isObjectType, parse, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { MAX_QUERY_COST, queryCost } from '../../server/src/core/limits';
import { SESSION_COOKIE } from '../../server/src/modules/account/authentication';
import { randomToken, sha256 } from '../../server/src/core/crypto';
import { AuthToken } from '../../server/src/modules/account/auth-token.entity';
import { PasswordReset } from '../../server/src/modules/account/password-reset.entity';
import { API_SCOPE_LIST, type ApiScope } from '../../server/src/modules/access/api-scope';
import { API_SCOPES } from '../../server/src/modules/access/policy';
import { Role } from '../../server/src/modules/access/role';
import { User } from '../../server/src/modules/account/user.entity';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { Attachment } from '../../server/src/modules/attachment/attachment.entity';
import { BaselineRequest, RequestStatus } from '../../server/src/modules/baseline-request/baseline-request.entity';
import { EXPORT_FILES } from '../../server/src/modules/export/export.routes';
import { COLUMNS } from '../../server/src/modules/import/import.columns';
import { IMPORT_KINDS } from '../../server/src/modules/import/import.routes';
import { Award, AwardKind } from '../../server/src/modules/lao/award.entity';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { PlanYear } from '../../server/src/modules/plan-year/plan-year.entity';
import { PlanResultNote } from '../../server/src/modules/progress-report/plan-result-note.entity';
import { ProgressReport } from '../../server/src/modules/progress-report/progress-report.entity';
import { ReportRound, WorkStatus } from '../../server/src/modules/plan/report.enums';
import { ProjectYear } from '../../server/src/modules/project/project-year.entity';
import { Project } from '../../server/src/modules/project/project.entity';
import { PlanStatus, ProjectOrigin } from '../../server/src/modules/plan/project.enums';
import { ReportingReopening, ReportingWindow } from '../../server/src/modules/reporting-window/reporting-window.entity';
import { RoundPublication } from '../../server/src/modules/public/round-publication.entity';
import { SarScore } from '../../server/src/modules/sar/sar-score.entity';
import { LevelThreshold } from '../../server/src/modules/scoring/level-threshold.entity';
import { getSchema } from '../../server/src/schema';
import {
  Notification,
  NotificationChannel,
  NotificationDelivery,
  NotificationKind,
  NoticeDeliveryStatus,
} from '../../server/src/modules/notification/notification.entity';
import { ReminderSent } from '../../server/src/modules/reminder/reminder.entity';
import { RedFlagDecision } from '../../server/src/modules/red-flag/red-flag-decision.entity';
import { ReportWarning } from '../../server/src/modules/progress-report/report-warnings';
import { DeliveryStatus, Webhook, WebhookDelivery } from '../../server/src/modules/webhook/webhook.entity';
import {
  unusedLaoCode,
  freshName,
  makeAttachment,
  makeDelivery,
  makeLao,
  makeProject,
  makeReport,
  makeUser,
  makeWebhook,
  PASSWORD,
} from '../fixtures/factories';
import { havePoppler, pdfText } from '../support/pdf-text';
import { discPng } from '../support/png';
import { blobOf, pdfOf } from '../support/attachments';
import { databases, signIn, TestServer, type GqlResult } from './harness';

/**
 * The authorization matrix: every root operation of the schema and every route of the server, called by
 * each kind of caller against records that exist, with arguments that are valid for whoever may make the
 * call — so a refusal is the policy speaking, not a validation error. A new operation or route without a
 * row in EXPECTED fails the first test.
 */

const ACTORS = ['anonymous', 'ownLao', 'otherLao', 'ownProvince', 'otherProvince', 'service', 'admin'] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
const ok = 'ok';
const UNAUTH = 'UNAUTHENTICATED';
const FORBID = 'FORBIDDEN';

/** Province A holds LAOs A1 and A2; province B holds B1. New LAOs of the admin cells go to province C. */
const A = { province: '84', district: '8401' };
const B = { province: '83', district: '8301' };
const C = { province: '82', district: '8201' };
const YEAR = 2567;
/** A year no other suite sets nationwide settings for (the admin cells change windows and thresholds of it). */
const SETTINGS_YEAR = 2565;

/**
 * Who may do what (PRODUCT.md §1). A row names an operation (`Query.x`, `Mutation.x`) or a route
 * (`GET /path`); words after the name mark a variant of the same call. "Own" and "other" are relative to
 * the records the call names, which belong to LAO A1 of province A: ownLao is A1's officer, otherLao
 * A2's (same province), ownProvince the NACC office of A, otherProvince that of B. An allowed call whose
 * answer is a list is also checked to hold only what the caller may see (see `assertInScope`).
 */
// prettier-ignore
const EXPECTED: Record<string, Outcome[]> = {
  //                                       anon    ownLao  othLao  ownProv othProv service admin
  // Signed out: signing in, the username lookup, password reset, reference data.
  'Query.me':                             [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'Query.provinces':                      [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'Query.districts':                      [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'Query.fiscalYearOptions':              [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'Query.planDimensions':                 [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'Query.usernameLookup':                 [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'Mutation.login':                       [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'Mutation.logout':                      [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'Mutation.requestPasswordReset':        [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'Mutation.resetPassword':               [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'GET /healthz':                         [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'GET /healthz/live':                    [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  // The public pages: what NACC publishes (READ_PUBLISHED), to everyone, with or without a session.
  'GET /public':                          [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'GET /public/lao/:code/:year':          [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'GET /public/province/:code/:year/:round': [ok,   ok,     ok,     ok,     ok,     ok,     ok],
  'GET /public/district/:code/:year/:round': [ok,   ok,     ok,     ok,     ok,     ok,     ok],
  'GET /public/national/:year/:round':    [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  'GET /open-data/:year/:round/:file':    [ok,     ok,     ok,     ok,     ok,     ok,     ok],
  // Signed in: one's own password; the year's settings everyone works by.
  'Mutation.changePassword':              [UNAUTH, ok,     ok,     ok,     ok,     FORBID, ok],
  'Query.levelThresholds':                [UNAUTH, ok,     ok,     ok,     ok,     ok,     ok],
  'Query.reportingWindows':               [UNAUTH, ok,     ok,     ok,     ok,     ok,     ok],
  // An LAO's data: its officers, its province's NACC office, NACC central and NACC systems read it.
  'Query.lao':                            [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'Query.laos':                           [UNAUTH, ok,     ok,     ok,     ok,     ok,     ok],
  'Query.laos naming province A':         [UNAUTH, ok,     ok,     ok,     FORBID, ok,     ok],
  'Query.projects':                       [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  // The same reads page by page, for other systems (access/policy.ts API_READS), scoped alike.
  'Query.laosConnection':                 [UNAUTH, ok,     ok,     ok,     ok,     ok,     ok],
  'Query.projectsConnection':             [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'Query.progressReportsConnection':      [UNAUTH, ok,     ok,     ok,     FORBID, ok,     ok],
  // What is left of one's own query-cost budget.
  'Query.rateLimit':                      [UNAUTH, ok,     ok,     ok,     ok,     ok,     ok],
  'Query.project':                        [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'Query.reportDraft':                    [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'Query.actionPlan':                     [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'Query.baselineYears':                  [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'Query.laoDashboard':                   [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'Query.laoOverview':                    [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'Query.planResults':                    [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'Query.sarScores':                      [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'GET /export/action-plan.pdf':          [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'GET /export/action-plan.xlsx':         [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'GET /export/overview.pdf':             [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'GET /export/overview.xlsx':            [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'GET /export/plan-results.pdf':         [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'GET /export/plan-results.xlsx':        [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'GET /export/memo.pdf':                 [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  // Evidence files: read as the LAO's data (a published one by anyone: attachments.test.ts), changed by its own officers.
  'Query.attachments':                    [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'GET /attachments/:id':                 [UNAUTH, ok,     FORBID, ok,     FORBID, ok,     ok],
  'POST /attachments':                    [UNAUTH, ok,     FORBID, FORBID, FORBID, FORBID, FORBID],
  'Mutation.setAttachmentPublic':         [UNAUTH, ok,     FORBID, FORBID, FORBID, FORBID, FORBID],
  'Mutation.deleteAttachment':            [UNAUTH, ok,     FORBID, FORBID, FORBID, FORBID, FORBID],
  // The province table (LAO, district, score, level): also every LAO of that province.
  'Query.provinceScores':                 [UNAUTH, ok,     ok,     ok,     FORBID, ok,     ok],
  'GET /export/province.pdf':             [UNAUTH, ok,     ok,     ok,     FORBID, ok,     ok],
  'GET /export/province.xlsx':            [UNAUTH, ok,     ok,     ok,     FORBID, ok,     ok],
  'Query.nationalScores':                 [UNAUTH, FORBID, FORBID, FORBID, FORBID, ok,     ok],
  // Who is behind with its reports: the province's NACC office and NACC central (and its systems).
  'Query.provinceFollowUp':               [UNAUTH, FORBID, FORBID, ok,     FORBID, ok,     ok],
  'Query.nationalFollowUp':               [UNAUTH, FORBID, FORBID, FORBID, FORBID, ok,     ok],
  'GET /export/follow-up.xlsx':           [UNAUTH, FORBID, FORBID, ok,     FORBID, ok,     ok],
  'Query.reportingWorklist':              [UNAUTH, FORBID, FORBID, ok,     FORBID, ok,     ok],
  // Reminding an LAO now: its province's NACC office and NACC central (a write: no NACC system).
  'Mutation.remindLao':                   [UNAUTH, FORBID, FORBID, ok,     FORBID, FORBID, ok],
  // One's own notices and their settings: every official who acts; a read-only system account gets none.
  'Query.notifications':                  [UNAUTH, ok,     ok,     ok,     ok,     FORBID, ok],
  'Mutation.markNotificationsRead':       [UNAUTH, ok,     ok,     ok,     ok,     FORBID, ok],
  'Query.notificationSettings':           [UNAUTH, ok,     ok,     ok,     ok,     FORBID, ok],
  'Mutation.updateNotificationSettings':  [UNAUTH, ok,     ok,     ok,     ok,     FORBID, ok],
  'Mutation.linkLineAccount':             [UNAUTH, ok,     ok,     ok,     ok,     FORBID, ok],
  'Mutation.unlinkLineAccount':           [UNAUTH, ok,     ok,     ok,     ok,     FORBID, ok],
  // LINE's callbacks: only a body signed with the channel secret is read; no session makes a caller LINE.
  'POST /line/webhook':                   [UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH, UNAUTH],
  'GET /export/national-scores.pdf':      [UNAUTH, FORBID, FORBID, FORBID, FORBID, ok,     ok],
  'GET /export/national-scores.xlsx':     [UNAUTH, FORBID, FORBID, FORBID, FORBID, ok,     ok],
  // An LAO's own data is changed by its own officers only; NACC acts through reviews and settings.
  'Mutation.updateLaoProfile':            [UNAUTH, ok,     FORBID, FORBID, FORBID, FORBID, FORBID],
  'Mutation.setAwards':                   [UNAUTH, ok,     FORBID, FORBID, FORBID, FORBID, FORBID],
  'Mutation.createProject':               [UNAUTH, ok,     FORBID, FORBID, FORBID, FORBID, FORBID],
  'Mutation.updateProject':               [UNAUTH, ok,     FORBID, FORBID, FORBID, FORBID, FORBID],
  'Mutation.deleteProject':               [UNAUTH, ok,     FORBID, FORBID, FORBID, FORBID, FORBID],
  'Mutation.requestProjectReduction':     [UNAUTH, ok,     FORBID, FORBID, FORBID, FORBID, FORBID],
  'Mutation.saveProgressReport':          [UNAUTH, ok,     FORBID, FORBID, FORBID, FORBID, FORBID],
  'Mutation.savePlanResultNote':          [UNAUTH, ok,     FORBID, FORBID, FORBID, FORBID, FORBID],
  'Mutation.requestBaselineChange':       [UNAUTH, ok,     FORBID, FORBID, FORBID, FORBID, FORBID],
  'Mutation.cancelBaselineRequest':       [UNAUTH, ok,     FORBID, FORBID, FORBID, FORBID, FORBID],
  // Review: the province's NACC office and NACC central; NACC systems read the queue. An office sees its province only.
  'Query.reviewQueue':                    [UNAUTH, FORBID, FORBID, ok,     ok,     ok,     ok],
  'Query.reviewQueue naming province A':  [UNAUTH, FORBID, FORBID, ok,     FORBID, ok,     ok],
  // ควรตรวจสอบ: a province's red flags, read by its office, NACC central and NACC systems; decided by the office and NACC central.
  'Query.redFlags':                       [UNAUTH, FORBID, FORBID, ok,     FORBID, ok,     ok],
  'Mutation.followUpRedFlag':             [UNAUTH, FORBID, FORBID, ok,     FORBID, FORBID, ok],
  'Mutation.dismissRedFlag':              [UNAUTH, FORBID, FORBID, ok,     FORBID, FORBID, ok],
  'Query.auditLog':                       [UNAUTH, FORBID, FORBID, ok,     ok,     FORBID, ok],
  'Query.auditActions':                   [UNAUTH, FORBID, FORBID, ok,     ok,     FORBID, ok],
  'Query.changes':                        [UNAUTH, ok,     ok,     ok,     ok,     ok,     ok],
  'Query.webhookEvents':                  [UNAUTH, ok,     ok,     ok,     ok,     ok,     ok],
  // A calling system's webhooks: its own (the service account's here), and the ADMIN's view of all.
  'Query.webhooks':                       [UNAUTH, FORBID, FORBID, FORBID, FORBID, ok,     ok],
  'Query.webhookDeliveries':              [UNAUTH, FORBID, FORBID, FORBID, FORBID, ok,     ok],
  'Mutation.createWebhook':               [UNAUTH, FORBID, FORBID, FORBID, FORBID, ok,     ok],
  'Mutation.deleteWebhook':               [UNAUTH, FORBID, FORBID, FORBID, FORBID, ok,     ok],
  'Mutation.redeliverWebhook':            [UNAUTH, FORBID, FORBID, FORBID, FORBID, ok,     ok],
  'Query.auditLog naming province A':     [UNAUTH, FORBID, FORBID, ok,     FORBID, FORBID, ok],
  'Mutation.reviewProjectAddition':       [UNAUTH, FORBID, FORBID, ok,     FORBID, FORBID, ok],
  'Mutation.reviewProjectReduction':      [UNAUTH, FORBID, FORBID, ok,     FORBID, FORBID, ok],
  'Mutation.setProjectCompliance':        [UNAUTH, FORBID, FORBID, ok,     FORBID, FORBID, ok],
  'Mutation.reviewBaselineRequest':       [UNAUTH, FORBID, FORBID, ok,     FORBID, FORBID, ok],
  'Mutation.approveMany':                 [UNAUTH, FORBID, FORBID, ok,     FORBID, FORBID, ok],
  'Mutation.setSarScores':                [UNAUTH, FORBID, FORBID, ok,     FORBID, FORBID, ok],
  // NACC central only: accounts, the registry, year settings, imports.
  'Query.users':                          [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Query.roleOptions':                    [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Query.apiTokens':                      [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Query.outbox':                         [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Query.reportingReopenings':            [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Query.scheduledJobs':                  [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Query.reminderSchedule':               [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.updateReminderSchedule':      [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Query.notificationDeliveries':         [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.retryNotificationDelivery':   [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.sendTestNotification':        [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.createLao':                   [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.updateLao':                   [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.createUser':                  [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.setUserDisabled':             [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.unlockUser':                  [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.resetUserPassword':           [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.reassignUser':                [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.createApiToken':              [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.revokeApiToken':              [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.rotateApiToken':              [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.setPlanYear':                 [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.setReportingWindow':          [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.reopenRound':                 [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.endReopening':                [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Query.openReopenings':                 [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.setLevelThresholds':          [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  // What the public pages publish: withdrawing a round from publication and publishing it again.
  'Query.roundPublications':              [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.setRoundPublication':         [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Query.memoEmblem':                     [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.setMemoEmblem':               [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.clearMemoEmblem':             [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.importLaos':                  [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.importUsers':                 [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'Mutation.importPlanYears':             [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'POST /import/laos':                    [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'POST /import/users':                   [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
  'POST /import/plan-years':              [UNAUTH, FORBID, FORBID, FORBID, FORBID, FORBID, ok],
};

const HTTP_STATUS: Record<Outcome, number> = { ok: 200, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

interface Auth {
  token?: string;
  cookie?: string;
}

interface Fixtures {
  server: TestServer;
  a1: Lao;
  a2: Lao;
  b1: Lao;
  /** A1's project in YEAR, reported on at six months. */
  project: Project;
  /** An evidence file of A1's plan of YEAR, not public. */
  attachment: Attachment;
  users: Record<Exclude<Actor, 'anonymous'>, User>;
  /** How each caller authenticates: officers by their session cookie, the NACC system by its API token. */
  auth: Record<Actor, Auth>;
  /** Tokens of the NACC system with one scope each. */
  scoped: Record<ApiScope, Auth>;
  /** A session of the NACC system's account: no token, so no scopes. */
  serviceSession: Auth;
}

/** How one GraphQL operation is called in the matrix. */
/** A webhook of the matrix's service account, and a delivery of one. */
const serviceWebhook = (fx: Fixtures) => makeWebhook(fx.server.db, fx.users.service);
const serviceDelivery = async (fx: Fixtures, status = DeliveryStatus.DELIVERED) =>
  makeDelivery(fx.server.db, await serviceWebhook(fx), { status, attempts: 1 });

interface Call<T = any> {
  /**
   * The record a mutation acts on. It is kept while callers are refused (they must leave it as it was)
   * and built anew after a caller was allowed to change it.
   */
  target?: (fx: Fixtures, actor: Actor) => Promise<T>;
  vars?: (fx: Fixtures, target: T, actor: Actor) => Record<string, unknown>;
  /** What a refused call must leave unchanged, and an allowed one (by a signed-in caller) must change. */
  state?: (fx: Fixtures, target: T, actor: Actor) => Promise<unknown> | null;
  /** The credentials of the call, when not the caller's usual ones (logout ends the session it is made with). */
  auth?: (fx: Fixtures, target: T, actor: Actor) => Auth;
  /** More about an allowed answer. */
  check?: (data: any, fx: Fixtures, actor: Actor) => void;
  /** What to ask of the answer, when everything it holds would cost more than one query may. */
  select?: string;
  /** The answer is public: it may name any LAO (the username lookup). */
  publicData?: boolean;
  /** LAOs of the caller's province may appear with their registry entry only (the province table). */
  provinceRegistry?: boolean;
}

const repo = <E extends object>(fx: Fixtures, entity: new () => E) => fx.server.db.getRepository(entity);
const yearOf = (fx: Fixtures, projectId: number) => repo(fx, ProjectYear).findOneByOrFail({ projectId, fiscalYear: YEAR });
const rand = () => Math.floor(Math.random() * 1e6);
const ownAudits = (fx: Fixtures, actor: Exclude<Actor, 'anonymous'>, action: string) =>
  repo(fx, AuditLog).countBy({ action, actorUsername: fx.users[actor].username });
/** Values that differ from call to call, for changes an allowed caller must be seen to make. */
let serial = 0;
const next = () => ++serial;
const projectInput = (name: string) => ({
  origin: 'PLANNED',
  name,
  fiscalYears: [YEAR],
  category: 'PROJECT',
  quarters: [1],
  dimension: 1,
  targetGroups: ['LOCAL_STAFF'],
  objective: 'เพื่อตรวจสิทธิ์การเข้าถึงข้อมูล',
});
/** The LAO's basic data (ข้อมูลพื้นฐาน): what only its readers may see. */
const profileOf = (tag: string) => ({
  address: `ที่ทำการ ${tag}`,
  areaKm2: 12.345,
  population: 5120,
  executiveName: `นายก ${tag}`,
  chiefAdministratorName: `ปลัด ${tag}`,
  website: `www.${tag}.go.th`,
  coordinatorName: `ผู้ประสานงาน ${tag}`,
  coordinatorPosition: 'นิติกร',
  coordinatorDepartment: 'สำนักปลัด',
  coordinatorPhone: '075-000000',
  coordinatorMobile: '081-0000000',
  coordinatorFax: '075-000001',
  coordinatorEmail: `${tag}@example.go.th`,
});
const freshRequest = (fx: Fixtures, fiscalYear: number) =>
  repo(fx, BaselineRequest).save({
    laoCode: fx.a1.code,
    fiscalYear,
    currentCount: 1,
    requestedCount: 3,
    status: RequestStatus.PENDING,
    reason: null,
    requestedBy: fx.users.ownLao.id,
    requestedAt: fx.server.clock.now(),
    decidedBy: null,
    decidedAt: null,
  });
/**
 * A fresh red flag of A1 to decide on: a project whose report A1 saved with a warning confirmed (disbursed
 * above the ordinance budget), its flag read from the queue as NACC central sees it.
 */
async function redFlagOfA1(fx: Fixtures): Promise<string> {
  const project = await makeProject(fx.server.db, fx.a1, { budget: 5_000_000 });
  await makeReport(fx.server.db, project, {
    inOrdinance: true,
    ordinanceBudget: 100_000,
    disbursed: 200_000,
    confirmedWarnings: [ReportWarning.DISBURSED_ABOVE_ORDINANCE],
  });
  const res = await fx.server.gql(
    'query($p: String!) { redFlags(provinceCode: $p, fiscalYear: 2567, round: SIX_MONTHS) { id evidence } }',
    { p: A.province },
    graphqlAuth(fx.auth.admin),
  );
  return res.data!.redFlags.find((f: { evidence: string }) => f.evidence.includes(project.name)).id;
}
const decisionsOf = (fx: Fixtures, id: string) => repo(fx, RedFlagDecision).countBy({ flagId: id });
/** A new session (an API token for a NACC system) of a user, made without signing in. */
async function sessionOf(fx: Fixtures, user: User): Promise<{ id: number; auth: Auth }> {
  const secret = randomToken();
  const api = user.role === Role.SERVICE;
  const token = await repo(fx, AuthToken).save({
    tokenHash: sha256(secret),
    userId: user.id,
    kind: api ? 'API' : 'SESSION',
    name: '',
    createdAt: fx.server.clock.now(),
    expiresAt: api ? null : new Date(fx.server.clock.now().getTime() + 3600_000),
    revokedAt: null,
  });
  return { id: token.id, auth: api ? { token: secret } : { cookie: `${SESSION_COOKIE}=${secret}` } };
}
/**
 * How a caller's GraphQL text goes: a browser session runs only the web client's trusted documents, so an
 * officer's session secret goes as a bearer token (the same session, as the test below shows).
 */
const graphqlAuth = (auth: Auth): Auth => (auth.cookie ? { token: auth.cookie.slice(`${SESSION_COOKIE}=`.length) } : auth);
/** A session of the caller that a call may end without ending the caller's usual one. */
const extraSession = (fx: Fixtures, actor: Actor) => (actor === 'anonymous' ? Promise.resolve(null) : sessionOf(fx, fx.users[actor]));
const userState = (fx: Fixtures, username: string) => repo(fx, User).findOneBy({ username });

const CALLS: Record<string, Call> = {
  'Query.me': { check: (d, fx, actor) => expect(d.me?.username ?? null).toBe(actor === 'anonymous' ? null : fx.users[actor].username) },
  'Query.provinces': {},
  'Query.districts': { vars: () => ({ provinceCode: A.province }) },
  'Query.fiscalYearOptions': {},
  'Query.planDimensions': { vars: () => ({ fiscalYear: YEAR }) },
  'Query.usernameLookup': { vars: () => ({ provinceCode: A.province, districtCode: A.district }), publicData: true },
  'Mutation.login': {
    target: (fx) => makeUser(fx.server.db, Role.PROVINCE_OFFICER, { provinceCode: A.province }),
    vars: (_fx, user: User) => ({ username: user.username, password: PASSWORD }),
    state: (fx, user: User) => userState(fx, user.username).then((u) => u?.lastLoginAt),
  },
  'Mutation.logout': {
    target: extraSession,
    auth: (_fx, session) => session?.auth ?? {},
    state: (fx, session) =>
      session
        ? repo(fx, AuthToken)
            .findOneByOrFail({ id: session.id })
            .then((t) => t.revokedAt)
        : null,
  },
  'Mutation.requestPasswordReset': {
    target: (fx) =>
      makeUser(fx.server.db, Role.PROVINCE_OFFICER, { provinceCode: A.province, email: `${freshName('reset')}@example.go.th` }),
    vars: (_fx, user: User) => ({ username: user.username, email: user.email }),
    state: (fx, user: User) => repo(fx, PasswordReset).countBy({ userId: user.id }),
  },
  'Mutation.resetPassword': {
    target: async (fx) => {
      const user = await makeUser(fx.server.db, Role.PROVINCE_OFFICER, { provinceCode: A.province });
      const secret = randomToken();
      const now = fx.server.clock.now();
      const reset = await repo(fx, PasswordReset).save({
        tokenHash: sha256(secret),
        userId: user.id,
        expiresAt: new Date(now.getTime() + 600_000),
        usedAt: null,
        createdAt: now,
      });
      return { secret, id: reset.id };
    },
    vars: (_fx, t) => ({ token: t.secret, newPassword: 'Reset-2567-ok' }),
    state: (fx, t) =>
      repo(fx, PasswordReset)
        .findOneByOrFail({ id: t.id })
        .then((r) => r.usedAt),
  },
  'Mutation.changePassword': {
    vars: () => ({ currentPassword: PASSWORD, newPassword: `Changed-${rand()}-x` }),
    state: (fx, _t, actor) => (actor === 'anonymous' ? null : userState(fx, fx.users[actor].username).then((u) => u!.passwordHash)),
  },
  'Query.levelThresholds': { vars: () => ({ fiscalYear: YEAR }) },
  'Query.reportingWindows': { vars: () => ({ fiscalYear: YEAR }) },

  'Query.lao': { vars: (fx) => ({ code: fx.a1.code }) },
  // Each caller's own scope: LAO officers their LAO, province offices their province (none of district A for B).
  'Query.laos': {
    vars: () => ({ districtCode: A.district }),
    check: (d, fx, actor) => {
      const codes = d.laos.map((l: Lao) => l.code);
      if (actor === 'ownLao') expect(codes).toEqual([fx.a1.code]);
      if (actor === 'otherLao') expect(codes).toEqual([fx.a2.code]);
      if (actor === 'otherProvince') expect(codes).toEqual([]);
      if (actor === 'ownProvince' || actor === 'admin' || actor === 'service')
        expect(codes).toEqual(expect.arrayContaining([fx.a1.code, fx.a2.code]));
    },
  },
  'Query.laos naming province A': { vars: () => ({ provinceCode: A.province }) },
  'Query.laosConnection': {
    vars: () => ({ first: 100, districtCode: A.district }),
    check: (d, fx, actor) => {
      const codes = d.laosConnection.edges.map((e: { node: Lao }) => e.node.code);
      if (actor === 'ownLao') expect(codes).toEqual([fx.a1.code]);
      if (actor === 'otherLao') expect(codes).toEqual([fx.a2.code]);
      if (actor === 'otherProvince') expect(codes).toEqual([]);
    },
  },
  'Query.projectsConnection': {
    vars: (fx) => ({ first: 100, laoCode: fx.a1.code, fiscalYear: YEAR }),
    check: (d, fx) => expect(d.projectsConnection.edges.map((e: { node: Project }) => e.node.id)).toContain(String(fx.project.id)),
  },
  // A province's reports: an LAO officer of the province gets its own LAO's.
  'Query.progressReportsConnection': { vars: () => ({ first: 100, provinceCode: A.province, fiscalYear: YEAR }) },
  'Query.rateLimit': { publicData: true },
  'Query.projects': {
    vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR }),
    check: (d, fx) => expect(d.projects.map((p: Project) => p.id)).toContain(String(fx.project.id)),
  },
  'Query.project': { vars: (fx) => ({ id: String(fx.project.id) }), check: (d, fx) => expect(d.project.lao.code).toBe(fx.a1.code) },
  'Query.reportDraft': {
    vars: (fx) => ({ projectId: String(fx.project.id), fiscalYear: YEAR, round: ReportRound.SIX_MONTHS }),
    check: (d) => expect(d.reportDraft.status).not.toBeNull(),
  },
  'Query.actionPlan': {
    vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR }),
    check: (d, fx) => expect(d.actionPlan.rows.map((r: { projectId: string }) => r.projectId)).toContain(String(fx.project.id)),
  },
  'Query.baselineYears': { vars: (fx) => ({ laoCode: fx.a1.code }) },
  'Query.laoDashboard': { vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR }) },
  'Query.laoOverview': { vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR, round: ReportRound.SIX_MONTHS }) },
  'Query.planResults': { vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR, round: ReportRound.SIX_MONTHS }) },
  'Query.sarScores': { vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR }), check: (d) => expect(d.sarScores).toHaveLength(1) },
  'Query.attachments': {
    vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR }),
    check: (d, fx) => expect(d.attachments.items.map((a: Attachment) => a.id)).toContain(String(fx.attachment.id)),
  },
  'Mutation.setAttachmentPublic': {
    target: (fx) => makeAttachment(fx.server.db, fx.a1),
    vars: (_fx, a: Attachment) => ({ id: String(a.id), public: true }),
    state: (fx, a: Attachment) =>
      repo(fx, Attachment)
        .findOneByOrFail({ id: a.id })
        .then((row) => row.isPublic),
  },
  'Mutation.deleteAttachment': {
    target: (fx) => makeAttachment(fx.server.db, fx.a1),
    vars: (_fx, a: Attachment) => ({ id: String(a.id) }),
    state: (fx, a: Attachment) => repo(fx, Attachment).existsBy({ id: a.id }),
  },
  'Query.provinceScores': {
    vars: () => ({ provinceCode: A.province, fiscalYear: YEAR, round: ReportRound.SIX_MONTHS }),
    provinceRegistry: true,
    check: (d, fx) => expect(d.provinceScores.rows.map((r: any) => r.lao.code)).toEqual(expect.arrayContaining([fx.a1.code, fx.a2.code])),
  },
  'Query.nationalScores': { vars: () => ({ fiscalYear: YEAR, round: ReportRound.SIX_MONTHS }) },
  'Query.provinceFollowUp': {
    vars: () => ({ provinceCode: A.province, fiscalYear: YEAR, round: ReportRound.SIX_MONTHS }),
    select: 'rows { laoCode created reported }',
    check: (d, fx) => expect(d.provinceFollowUp.rows.map((r: any) => r.laoCode)).toEqual(expect.arrayContaining([fx.a1.code, fx.a2.code])),
  },
  'Query.nationalFollowUp': { vars: () => ({ fiscalYear: YEAR, round: ReportRound.SIX_MONTHS }) },
  'Query.reportingWorklist': {
    vars: () => ({ provinceCode: A.province, fiscalYear: YEAR, round: ReportRound.SIX_MONTHS }),
    select: 'laoCode daysToClose lao { code }',
    check: (d, fx) => expect(d.reportingWorklist.map((r: any) => r.laoCode)).toEqual(expect.arrayContaining([fx.a1.code, fx.a2.code])),
  },
  // A1's project waits for its twelve-month report; the day's reminder is cleared so that each allowed caller may send one.
  'Mutation.remindLao': {
    target: async (fx) => {
      await repo(fx, ReminderSent).delete({ laoCode: fx.a1.code });
      await repo(fx, Notification).delete({ laoCode: fx.a1.code, kind: NotificationKind.MANUAL_REMINDER });
    },
    vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR, round: ReportRound.TWELVE_MONTHS }),
    state: (fx) => repo(fx, Notification).countBy({ userId: fx.users.ownLao.id, kind: NotificationKind.MANUAL_REMINDER }),
  },
  'Query.notifications': { vars: () => ({ first: 5 }), check: (d) => expect(typeof d.notifications.unread).toBe('number') },
  'Mutation.markNotificationsRead': {
    vars: () => ({ ids: ['1'] }),
    state: (fx, _t, actor) => (actor === 'anonymous' ? null : ownAudits(fx, actor, 'markNotificationsRead')),
  },
  'Query.notificationSettings': {},
  'Mutation.updateNotificationSettings': {
    vars: () => ({ input: { email: true } }),
    state: (fx, _t, actor) => (actor === 'anonymous' ? null : ownAudits(fx, actor, 'updateNotificationSettings')),
  },
  'Mutation.linkLineAccount': {
    state: (fx, _t, actor) => (actor === 'anonymous' ? null : ownAudits(fx, actor, 'linkLineAccount')),
  },
  'Mutation.unlinkLineAccount': {
    state: (fx, _t, actor) => (actor === 'anonymous' ? null : ownAudits(fx, actor, 'unlinkLineAccount')),
  },
  'Query.notificationDeliveries': { vars: () => ({ last: 5 }) },
  // A failed delivery of a notice to A1's officer: an allowed retry makes it wait to be sent again.
  'Mutation.retryNotificationDelivery': {
    target: async (fx) => {
      const notice = await repo(fx, Notification).save({
        userId: fx.users.ownLao.id,
        kind: NotificationKind.DECISION,
        title: 'ผลการพิจารณา',
        body: 'ทดสอบ',
        link: null,
        laoCode: fx.a1.code,
        fiscalYear: YEAR,
        round: null,
        dedupeKey: freshName('matrix'),
        createdAt: fx.server.clock.now(),
        readAt: null,
      });
      return repo(fx, NotificationDelivery).save({
        notificationId: notice.id,
        channel: NotificationChannel.EMAIL,
        status: NoticeDeliveryStatus.FAILED,
        attempts: 8,
        nextAttemptAt: fx.server.clock.now(),
        leaseOwner: null,
        leaseUntil: null,
        retryKey: null,
        lastError: 'ทดสอบ',
        sentAt: null,
        createdAt: fx.server.clock.now(),
      });
    },
    vars: (_fx, delivery: NotificationDelivery) => ({ id: String(delivery.id) }),
    state: (fx, delivery: NotificationDelivery) =>
      repo(fx, NotificationDelivery)
        .findOneBy({ id: delivery.id })
        .then((d) => d?.status),
  },
  // To the caller's own e-mail address.
  'Mutation.sendTestNotification': {
    target: async (fx) => {
      await repo(fx, User).update({ id: fx.users.admin.id }, { email: 'admin-matrix@example.go.th' });
    },
    vars: () => ({ channel: NotificationChannel.EMAIL }),
    state: (fx, _t, actor) => (actor === 'anonymous' ? null : ownAudits(fx, actor, 'sendTestNotification')),
  },
  'Query.scheduledJobs': {},
  'Query.reminderSchedule': {},
  'Mutation.updateReminderSchedule': {
    vars: () => ({ round: ReportRound.TWELVE_MONTHS, days: [21, 14, 7, 1] }),
    state: (fx, _t, actor) => (actor === 'anonymous' ? null : ownAudits(fx, actor, 'updateReminderSchedule')),
  },
  'Query.openReopenings': { vars: (fx) => ({ laoCode: fx.a1.code }) },

  'Mutation.updateLaoProfile': {
    vars: (fx) => ({ laoCode: fx.a1.code, input: { size: 'LARGE', ...profileOf(`a1x${rand()}`) } }),
    state: (fx) =>
      repo(fx, Lao)
        .findOneByOrFail({ code: fx.a1.code })
        .then(({ updatedAt: _u, version: _v, ...lao }: any) => lao),
  },
  'Mutation.setAwards': {
    vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR, awards: [{ kind: 'KPI' }, { kind: 'OTHER', text: `รางวัล ${rand()}` }] }),
    state: (fx) => repo(fx, Award).find({ where: { laoCode: fx.a1.code, fiscalYear: YEAR }, order: { kind: 'ASC' } }),
  },
  'Mutation.createProject': {
    vars: (fx) => ({ laoCode: fx.a1.code, input: projectInput(`โครงการใหม่ ${rand()}`) }),
    state: (fx) => repo(fx, Project).countBy({ laoCode: fx.a1.code }),
  },
  'Mutation.updateProject': {
    target: (fx) => makeProject(fx.server.db, fx.a1),
    vars: (_fx, p: Project) => ({ id: String(p.id), version: p.version, input: projectInput(`แก้ไขแล้ว ${rand()}`) }),
    state: (fx, p: Project) =>
      repo(fx, Project)
        .findOneByOrFail({ id: p.id })
        .then((row) => [row.name, row.version]),
  },
  'Mutation.deleteProject': {
    target: (fx) => makeProject(fx.server.db, fx.a1),
    vars: (_fx, p: Project) => ({ id: String(p.id) }),
    state: (fx, p: Project) => repo(fx, Project).existsBy({ id: p.id }),
  },
  'Mutation.requestProjectReduction': {
    target: (fx) => makeProject(fx.server.db, fx.a1),
    vars: (_fx, p: Project) => ({ projectId: String(p.id), fiscalYear: YEAR, note: 'ขอลดเพราะซ้ำกับโครงการอื่น' }),
    state: (fx, p: Project) => yearOf(fx, p.id).then((y) => y.planStatus),
  },
  'Mutation.saveProgressReport': {
    target: (fx) => makeProject(fx.server.db, fx.a1),
    vars: (_fx, p: Project) => ({
      input: { projectId: String(p.id), fiscalYear: YEAR, round: ReportRound.SIX_MONTHS, inOrdinance: true, status: 'IN_PROGRESS' },
    }),
    state: (fx, p: Project) => repo(fx, ProgressReport).countBy({ projectId: p.id }),
  },
  'Mutation.savePlanResultNote': {
    vars: (fx) => ({
      laoCode: fx.a1.code,
      fiscalYear: YEAR,
      round: ReportRound.TWELVE_MONTHS,
      input: { problems: `ปัญหา ${rand()}`, suggestions: 'ข้อเสนอแนะ', reporterName: 'นางสาวทดสอบ สิทธิ์', reporterPosition: 'นิติกร' },
    }),
    state: (fx) => repo(fx, PlanResultNote).findOneBy({ laoCode: fx.a1.code, fiscalYear: YEAR, round: ReportRound.TWELVE_MONTHS }),
  },
  'Mutation.requestBaselineChange': {
    vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR + 2, requestedCount: 7 }),
    state: (fx) => repo(fx, BaselineRequest).countBy({ laoCode: fx.a1.code }),
  },
  'Mutation.cancelBaselineRequest': {
    target: (fx) => freshRequest(fx, YEAR + 3),
    vars: (_fx, r: BaselineRequest) => ({ id: String(r.id) }),
    state: (fx, r: BaselineRequest) =>
      repo(fx, BaselineRequest)
        .findOneByOrFail({ id: r.id })
        .then((row) => row.status),
  },

  // A1's items; B1's also wait in B's queue, so an unscoped queue would show them.
  'Query.reviewQueue': {
    vars: () => ({ districtCode: A.district }),
    select: 'additions { fiscalYear lao { code } } reductions { fiscalYear lao { code } } baselineRequests { id lao { code } }',
    check: (d, fx, actor) => {
      const laos = d.reviewQueue.baselineRequests.map((r: any) => r.lao.code);
      if (actor === 'otherProvince') expect(laos).toEqual([]);
      else expect(laos).toContain(fx.a1.code);
    },
  },
  'Query.reviewQueue naming province A': {
    vars: () => ({ provinceCode: A.province }),
    select: 'additions { fiscalYear lao { code } } reductions { fiscalYear lao { code } } baselineRequests { id lao { code } }',
  },
  'Query.redFlags': {
    vars: () => ({ provinceCode: A.province, fiscalYear: YEAR, round: ReportRound.SIX_MONTHS }),
    select: 'id rule evidence status lao { code provinceCode }',
    check: (d, fx) => expect(d.redFlags.map((f: any) => f.lao.code)).toContain(fx.a1.code),
  },
  'Mutation.followUpRedFlag': { target: redFlagOfA1, vars: (_fx, id: string) => ({ id, note: 'ขอเอกสารประกอบ' }), state: decisionsOf },
  'Mutation.dismissRedFlag': { target: redFlagOfA1, vars: (_fx, id: string) => ({ id, note: 'ตรวจแล้วไม่มีประเด็น' }), state: decisionsOf },
  'Query.auditLog': {
    vars: (fx) => ({ laoCode: fx.a1.code }),
    check: (d, _fx, actor) => expect(d.auditLog.total > 0).toBe(actor !== 'otherProvince'),
  },
  'Query.auditLog naming province A': { vars: () => ({ provinceCode: A.province }) },
  // Everyone reads the changes of what they may read: never A1's from outside its reach.
  'Query.changes': {
    vars: () => ({ first: 100 }),
    select: 'edges { node { laoCode provinceCode } }',
    check: (d, fx, actor) => {
      const laos = d.changes.edges.map((e: any) => e.node.laoCode);
      if (actor === 'otherLao' || actor === 'otherProvince') expect(laos).not.toContain(fx.a1.code);
    },
  },
  'Query.auditActions': {
    check: (d) =>
      expect(d.auditActions).toContainEqual(expect.objectContaining({ code: 'markNonCompliant', label: 'ทำเครื่องหมายว่าไม่เป็นไปตามหลักเกณฑ์' })),
  },
  'Mutation.reviewProjectAddition': {
    target: (fx) => makeProject(fx.server.db, fx.a1, { origin: ProjectOrigin.ADDITIONAL }),
    vars: (_fx, p: Project) => ({ projectId: String(p.id), fiscalYear: YEAR, approve: true }),
    state: (fx, p: Project) => yearOf(fx, p.id).then((y) => y.planStatus),
  },
  'Mutation.reviewProjectReduction': {
    target: (fx) => makeProject(fx.server.db, fx.a1, { planStatus: PlanStatus.REDUCE_PENDING }),
    vars: (_fx, p: Project) => ({ projectId: String(p.id), fiscalYear: YEAR, approve: true }),
    state: (fx, p: Project) => yearOf(fx, p.id).then((y) => y.planStatus),
  },
  'Mutation.setProjectCompliance': {
    target: (fx) => makeProject(fx.server.db, fx.a1),
    vars: (_fx, p: Project) => ({ projectId: String(p.id), fiscalYear: YEAR, compliant: false, reason: 'ไม่ใช่โครงการป้องกันการทุจริต' }),
    state: (fx, p: Project) => yearOf(fx, p.id).then((y) => [y.planStatus, y.reviewReason]),
  },
  'Mutation.reviewBaselineRequest': {
    target: (fx) => freshRequest(fx, YEAR + 4),
    vars: (_fx, r: BaselineRequest) => ({ id: String(r.id), approve: true }),
    state: (fx, r: BaselineRequest) =>
      repo(fx, BaselineRequest)
        .findOneByOrFail({ id: r.id })
        .then((row) => row.status),
  },
  'Mutation.approveMany': {
    target: (fx) => makeProject(fx.server.db, fx.a1, { origin: ProjectOrigin.ADDITIONAL }),
    vars: (_fx, p: Project) => ({ items: [{ kind: 'ADDITION', projectId: String(p.id), fiscalYear: YEAR }] }),
    state: (fx, p: Project) => yearOf(fx, p.id).then((y) => y.planStatus),
  },
  'Mutation.setSarScores': {
    vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR, rows: [{ dimension: 1, selfScore: 80.5, evaluatedScore: next() }] }),
    state: (fx) => repo(fx, SarScore).findBy({ laoCode: fx.a1.code, fiscalYear: YEAR }),
  },

  'Query.users': { vars: () => ({ role: 'PROVINCE_OFFICER', provinceCode: A.province }) },
  'Query.roleOptions': { check: (d) => expect(d.roleOptions.map((o: { role: string }) => o.role)).toEqual(Object.values(Role)) },
  'Query.webhookEvents': { check: (d) => expect(d.webhookEvents).toContain('progressReport.saved') },
  'Query.webhooks': {
    target: (fx) => serviceWebhook(fx),
    check: (d) => expect(d.webhooks.length).toBeGreaterThan(0),
  },
  'Query.webhookDeliveries': {
    target: (fx) => serviceDelivery(fx),
    vars: (_fx, d: WebhookDelivery) => ({ webhookId: String(d.webhookId), first: 10 }),
    check: (d) => expect(d.webhookDeliveries.length).toBe(1),
  },
  'Mutation.createWebhook': {
    vars: () => ({ input: { url: `http://127.0.0.1:9/hooks/${rand()}`, events: ['progressReport.saved'] } }),
    state: (fx) => repo(fx, Webhook).count(),
  },
  'Mutation.deleteWebhook': {
    target: (fx) => serviceWebhook(fx),
    vars: (_fx, w: Webhook) => ({ id: String(w.id) }),
    state: (fx, w: Webhook) => repo(fx, Webhook).existsBy({ id: w.id }),
  },
  'Mutation.redeliverWebhook': {
    target: (fx) => serviceDelivery(fx, DeliveryStatus.FAILED),
    vars: (_fx, d: WebhookDelivery) => ({ deliveryId: String(d.id) }),
    state: (fx, d: WebhookDelivery) =>
      repo(fx, WebhookDelivery)
        .findOneByOrFail({ id: d.id })
        .then((row) => row.status),
  },
  'Query.apiTokens': {
    vars: (fx) => ({ username: fx.users.service.username }),
    check: (d) => expect(d.apiTokens.length).toBeGreaterThan(0),
  },
  'Query.outbox': {},
  'Query.memoEmblem': {},
  // The one nationwide emblem: other suites may change it meanwhile, so what a call leaves is its own audit row.
  'Mutation.setMemoEmblem': {
    vars: () => ({ image: discPng(40 + (next() % 20), 40).toString('base64') }),
    state: (fx, _t, actor) => (actor === 'anonymous' ? null : ownAudits(fx, actor, 'setMemoEmblem')),
  },
  'Mutation.clearMemoEmblem': {
    state: (fx, _t, actor) => (actor === 'anonymous' ? null : ownAudits(fx, actor, 'clearMemoEmblem')),
  },
  'Query.reportingReopenings': { vars: () => ({ fiscalYear: YEAR }) },
  'Mutation.createLao': {
    target: (fx) => unusedLaoCode(fx.server.db),
    vars: (_fx, code: string) => ({
      input: { code, name: `องค์การบริหารส่วนตำบลใหม่${code}`, type: 'SAO', size: 'SMALL', provinceCode: C.province, districtCode: C.district },
    }),
    state: (fx, code: string) => repo(fx, Lao).existsBy({ code }),
  },
  'Mutation.updateLao': {
    target: async (fx) => (await makeLao(fx.server.db, { provinceCode: C.province, districtCode: C.district })).code,
    vars: (_fx, code: string) => ({
      code,
      input: { name: `องค์การบริหารส่วนตำบลแก้ไข${code}`, type: 'SAO', size: 'LARGE', districtCode: C.district, active: false },
    }),
    state: (fx, code: string) =>
      repo(fx, Lao)
        .findOneByOrFail({ code })
        .then((l) => [l.name, l.size, l.active]),
  },
  'Mutation.createUser': {
    target: async () => freshName('newuser'),
    vars: (_fx, username: string) => ({
      input: { username, password: PASSWORD, role: 'PROVINCE_OFFICER', provinceCode: C.province, displayName: 'นายใหม่ ทดสอบ' },
    }),
    state: (fx, username: string) => repo(fx, User).existsBy({ username }),
  },
  'Mutation.setUserDisabled': {
    target: (fx) => makeUser(fx.server.db, Role.PROVINCE_OFFICER, { provinceCode: C.province }),
    vars: (_fx, u: User) => ({ username: u.username, disabled: true }),
    state: (fx, u: User) => userState(fx, u.username).then((row) => row!.disabled),
  },
  'Mutation.unlockUser': {
    target: (fx) =>
      makeUser(fx.server.db, Role.PROVINCE_OFFICER, {
        provinceCode: C.province,
        failedLogins: 5,
        lockedUntil: new Date(fx.server.clock.now().getTime() + 300_000),
      }),
    vars: (_fx, u: User) => ({ username: u.username }),
    state: (fx, u: User) => userState(fx, u.username).then((row) => row!.lockedUntil),
  },
  'Mutation.resetUserPassword': {
    target: (fx) => makeUser(fx.server.db, Role.PROVINCE_OFFICER, { provinceCode: C.province }),
    vars: (_fx, u: User) => ({ username: u.username, newPassword: 'Admin-set-2567' }),
    state: (fx, u: User) => userState(fx, u.username).then((row) => row!.passwordHash),
  },
  'Mutation.reassignUser': {
    target: (fx) => makeUser(fx.server.db, Role.PROVINCE_OFFICER, { provinceCode: C.province }),
    vars: (_fx, u: User) => ({ username: u.username, input: { displayName: 'นางสาวคนใหม่ ย้ายมา', newPassword: 'Handover-2567' } }),
    state: (fx, u: User) => userState(fx, u.username).then((row) => [row!.displayName, row!.passwordHash]),
  },
  'Mutation.createApiToken': {
    target: (fx) => makeUser(fx.server.db, Role.SERVICE),
    vars: (_fx, u: User) => ({ username: u.username, name: 'ระบบติดตามผลของ ป.ป.ช.' }),
    state: (fx, u: User) => repo(fx, AuthToken).countBy({ userId: u.id }),
  },
  'Mutation.revokeApiToken': {
    target: async (fx) => {
      const owner = await makeUser(fx.server.db, Role.SERVICE);
      return repo(fx, AuthToken).save({
        tokenHash: sha256(randomToken()),
        userId: owner.id,
        kind: 'API',
        name: 'ระบบเดิม',
        createdAt: fx.server.clock.now(),
        expiresAt: null,
        revokedAt: null,
      });
    },
    vars: (_fx, t: AuthToken) => ({ id: String(t.id) }),
    state: (fx, t: AuthToken) =>
      repo(fx, AuthToken)
        .findOneByOrFail({ id: t.id })
        .then((row) => row.revokedAt),
  },
  'Mutation.rotateApiToken': {
    target: async (fx) => {
      const owner = await makeUser(fx.server.db, Role.SERVICE);
      return repo(fx, AuthToken).save({
        tokenHash: sha256(randomToken()),
        userId: owner.id,
        kind: 'API',
        name: 'ระบบที่เปลี่ยน secret',
        createdAt: fx.server.clock.now(),
        expiresAt: null,
        revokedAt: null,
      });
    },
    vars: (_fx, t: AuthToken) => ({ id: String(t.id) }),
    select: 'secret apiToken { id name }',
    state: (fx, t: AuthToken) =>
      repo(fx, AuthToken)
        .findOneByOrFail({ id: t.id })
        .then((row) => row.rotatedAt),
  },
  'Mutation.setPlanYear': {
    vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR, baselineCount: 12, minimumCount: 10 }),
    state: (fx) => repo(fx, PlanYear).findOneBy({ laoCode: fx.a1.code, fiscalYear: YEAR }),
  },
  // Nationwide settings, kept from run to run: each call sets other values than the ones it finds.
  'Mutation.setReportingWindow': {
    target: async (fx) => {
      const now = await repo(fx, ReportingWindow).findOneBy({ fiscalYear: SETTINGS_YEAR, round: ReportRound.SIX_MONTHS });
      return new Date(Date.UTC(2055, 0, 1) + ((now?.opensAt?.getUTCDate() ?? 0) === 1 ? 86_400_000 : 0));
    },
    vars: (_fx, opensAt: Date) => ({ fiscalYear: SETTINGS_YEAR, round: ReportRound.SIX_MONTHS, opensAt, closesAt: null }),
    state: (fx) => repo(fx, ReportingWindow).findOneBy({ fiscalYear: SETTINGS_YEAR, round: ReportRound.SIX_MONTHS }),
  },
  'Mutation.reopenRound': {
    vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR, round: ReportRound.TWELVE_MONTHS, until: new Date('2024-06-30T10:00:00Z') }),
    state: (fx) => repo(fx, ReportingReopening).findOneBy({ laoCode: fx.a1.code, fiscalYear: YEAR, round: ReportRound.TWELVE_MONTHS }),
  },
  'Mutation.endReopening': {
    target: (fx) =>
      repo(fx, ReportingReopening).save({
        laoCode: fx.a1.code,
        fiscalYear: YEAR,
        round: ReportRound.SIX_MONTHS,
        openUntil: new Date('2024-06-30T10:00:00Z'),
      }),
    vars: (fx) => ({ laoCode: fx.a1.code, fiscalYear: YEAR, round: ReportRound.SIX_MONTHS }),
    // Ended now, not deleted (its end is what makes the LAO's published figures again): the row's openUntil is the state.
    state: (fx) => repo(fx, ReportingReopening).findOneBy({ laoCode: fx.a1.code, fiscalYear: YEAR, round: ReportRound.SIX_MONTHS }),
  },
  'Mutation.setLevelThresholds': {
    target: async (fx) => {
      const now = await repo(fx, LevelThreshold).findOneBy({ fiscalYear: SETTINGS_YEAR, round: ReportRound.SIX_MONTHS });
      return now?.highFrom === 6000 ? 7000 : 6000;
    },
    vars: (_fx, highFrom: number) => ({
      fiscalYear: SETTINGS_YEAR,
      input: { round: ReportRound.SIX_MONTHS, highFrom, highInclusive: true, mediumFrom: 2000, mediumInclusive: false },
    }),
    state: (fx) => repo(fx, LevelThreshold).findOneBy({ fiscalYear: SETTINGS_YEAR, round: ReportRound.SIX_MONTHS }),
  },
  'Query.roundPublications': { vars: () => ({ fiscalYear: SETTINGS_YEAR }) },
  // Withdrawn when found published, published again when found withdrawn.
  'Mutation.setRoundPublication': {
    target: async (fx) =>
      (await repo(fx, RoundPublication).findOneBy({ fiscalYear: SETTINGS_YEAR, round: ReportRound.SIX_MONTHS }))?.published === false,
    vars: (_fx, withdrawn: boolean) => ({
      fiscalYear: SETTINGS_YEAR,
      round: ReportRound.SIX_MONTHS,
      published: withdrawn,
      reason: withdrawn ? null : `ตรวจสิทธิ์การถอนการเผยแพร่ ${next()}`,
    }),
    state: (fx) => repo(fx, RoundPublication).findOneBy({ fiscalYear: SETTINGS_YEAR, round: ReportRound.SIX_MONTHS }),
  },
  'Mutation.importLaos': {
    target: (fx) => unusedLaoCode(fx.server.db),
    vars: (_fx, code: string) => ({
      rows: [
        { row: '2', code, name: `เทศบาลตำบลนำเข้า${code}`, type: 'ทต.', size: 'เล็ก', provinceCode: C.province, districtCode: C.district },
      ],
    }),
    state: (fx, code: string) => repo(fx, Lao).existsBy({ code }),
  },
  'Mutation.importUsers': {
    target: async () => freshName('imported'),
    vars: (_fx, username: string) => ({
      rows: [{ row: '2', username, password: PASSWORD, role: 'PROVINCE_OFFICER', provinceCode: C.province, displayName: 'นายนำเข้า' }],
    }),
    state: (fx, username: string) => repo(fx, User).existsBy({ username }),
  },
  'Mutation.importPlanYears': {
    vars: (fx) => ({ rows: [{ row: '2', laoCode: fx.a1.code, fiscalYear: String(YEAR + 1), baselineCount: '9', minimumCount: '8' }] }),
    state: (fx) => repo(fx, PlanYear).findOneBy({ laoCode: fx.a1.code, fiscalYear: YEAR + 1 }),
  },
};

/** A route of the server and how to call it: the documents of A1 or of province A, the import files. */
function routeRequest(key: string, fx: Fixtures): { url: string; init: RequestInit } {
  const [method, path] = key.split(' ');
  if (path.startsWith('/export/province.') || path.startsWith('/export/follow-up.')) {
    return { url: `${path}?province=${A.province}&year=${YEAR}&round=SIX_MONTHS`, init: { method } };
  }
  if (path.startsWith('/export/national-scores.')) return { url: `${path}?year=${YEAR}&round=SIX_MONTHS`, init: { method } };
  if (path.startsWith('/export/')) {
    const issuer = encodeURIComponent('นายทดสอบ สิทธิ์');
    return { url: `${path}?lao=${fx.a1.code}&year=${YEAR}&round=SIX_MONTHS&issuer=${issuer}`, init: { method } };
  }
  if (path.startsWith('/open-data/')) return { url: '/open-data/2564/SIX_MONTHS/datapackage.json', init: { method } };
  if (path.startsWith('/public/province/')) return { url: `/public/province/${A.province}/2564/SIX_MONTHS`, init: { method } };
  if (path.startsWith('/public/lao/')) return { url: `/public/lao/${fx.a1.code}/${YEAR}`, init: { method } };
  if (path.startsWith('/public/district/')) return { url: `/public/district/${A.district}/2564/SIX_MONTHS`, init: { method } };
  if (path.startsWith('/public/national/')) return { url: '/public/national/2564/SIX_MONTHS', init: { method } };
  if (path === '/public') return { url: `/public?district=${A.district}&q=${encodeURIComponent('สิทธิ์')}`, init: { method } };
  if (key === 'GET /attachments/:id') return { url: `/attachments/${fx.attachment.id}`, init: { method } };
  if (key === 'POST /attachments') {
    const form = new FormData();
    form.append('laoCode', fx.a1.code);
    form.append('fiscalYear', String(YEAR));
    form.append('file', blobOf(pdfOf()), 'หลักฐานตรวจสิทธิ์.pdf');
    return { url: path, init: { method, body: form, headers: { 'apollo-require-preflight': 'true' } } };
  }
  if (path.startsWith('/import/')) {
    const fields = Object.keys(COLUMNS[path.slice('/import/'.length) as keyof typeof COLUMNS]);
    const csv = `${fields.join(',')}\r\n${fields.map(() => '1').join(',')}\r\n`;
    return { url: path, init: { method, body: csv, headers: { 'content-type': 'text/csv' } } };
  }
  return { url: path, init: { method } };
}

/** The routes the server answers, read from its routers; a parameter is spelled out from the module's own list. */
function routesOf(server: TestServer): string[] {
  const PARAMS: Record<string, string[]> = { '/export/:file': EXPORT_FILES, '/import/:kind': IMPORT_KINDS };
  type Listed = { path: string; methods?: string[]; router?: { listRoutes(): Listed[] } };
  const walk = (listed: Listed[], prefix: string): string[] =>
    listed.flatMap((r) => {
      const path = `${prefix}${r.path === '/' ? '' : r.path}`;
      if (r.router) return walk(r.router.listRoutes(), path);
      const paths = PARAMS[path] ? PARAMS[path].map((v) => path.replace(/:\w+$/, v)) : [path];
      const methods = r.methods!.filter((m) => m !== 'HEAD').map((m) => m.toUpperCase());
      return paths.flatMap((p) => methods.map((m) => `${m} ${p}`));
    });
  return walk((server.app as unknown as { router: { listRoutes(): Listed[] } }).router.listRoutes(), '');
}

/**
 * A query of one root field asking for every field of the answer, three objects deep — or as deep as the
 * server's cost limit lets one query go (a list of LAOs with every relation of each is refused as too
 * costly, rightly) — with the variables given.
 */
function operationOf(schema: GraphQLSchema, key: string, vars: Record<string, unknown>, select?: string): { text: string; field: string } {
  const [kind, field] = key.split(' ')[0].split('.');
  const def = (kind === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[field];
  const args = def.args.filter((a) => a.name in vars);
  const defs = args.length ? `(${args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
  const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  for (let depth = 3; ; depth--) {
    const selection = select ?? selectionOf(def.type, [], depth);
    const text = `${kind.toLowerCase()}${defs} { ${field}${call}${selection ? ` { ${selection} }` : ''} }`;
    const cost = queryCost(schema, parse(text), undefined, vars);
    if (depth === 0 || cost === null || cost <= MAX_QUERY_COST) return { text, field };
  }
}

function selectionOf(type: GraphQLOutputType, path: string[], depth: number): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const here = [...path, named.name];
  const parts = ['__typename'];
  for (const f of Object.values(named.getFields())) {
    const required = f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    // The one field argument in the schema is the fiscal year (an LAO's awards).
    if (required.some((a) => a.name !== 'fiscalYear')) continue;
    const args = required.length ? `(fiscalYear: ${YEAR})` : '';
    const inner = getNamedType(f.type);
    if (isLeafType(inner)) parts.push(`${f.name}${args}`);
    else if (here.length <= depth && !here.includes(inner.name)) parts.push(`${f.name}${args} { ${selectionOf(f.type, here, depth)} }`);
  }
  return parts.join(' ');
}

/** Fields of an LAO anyone who sees it in a table may see: its registry entry. The rest is its basic data. */
const REGISTRY_FIELDS = new Set([
  '__typename',
  'code',
  'name',
  'type',
  'size',
  'provinceCode',
  'districtCode',
  'province',
  'district',
  'active',
  'canEdit',
]);

/**
 * Everything an allowed answer names is the caller's to see: every LAO (and record of an LAO) in it is
 * one the caller may read — or, in the province table, an LAO of the caller's province with its registry
 * entry only — and every audit row is of the caller's province.
 */
async function assertInScope(data: unknown, call: Call, fx: Fixtures, actor: Actor): Promise<void> {
  if (call.publicData) return;
  const home: Partial<Record<Actor, string>> = {
    ownLao: A.province,
    otherLao: A.province,
    ownProvince: A.province,
    otherProvince: B.province,
  };
  const reads = (lao: { code: string; provinceCode: string }) =>
    ({
      anonymous: false,
      ownLao: lao.code === fx.a1.code,
      otherLao: lao.code === fx.a2.code,
      ownProvince: lao.provinceCode === A.province,
      otherProvince: lao.provinceCode === B.province,
      service: true,
      admin: true,
    })[actor];
  const provinceOf = new Map<string, string>();
  const laoOf = async (code: string) => {
    if (!provinceOf.has(code)) provinceOf.set(code, (await repo(fx, Lao).findOneByOrFail({ code })).provinceCode);
    return { code, provinceCode: provinceOf.get(code)! };
  };
  const leaks: string[] = [];
  const visit = async (value: unknown, path: string): Promise<void> => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) await visit(v, `${path}.${i}`);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, any>;
    if (o.__typename === 'Lao' && !reads(o as { code: string; provinceCode: string })) {
      if (!call.provinceRegistry || home[actor] !== o.provinceCode) leaks.push(`${path}: LAO ${o.code}`);
      for (const [k, v] of Object.entries(o)) {
        if (!REGISTRY_FIELDS.has(k) && v !== null && !(Array.isArray(v) && v.length === 0)) leaks.push(`${path}.${k} of LAO ${o.code}`);
      }
    }
    if (typeof o.laoCode === 'string' && !reads(await laoOf(o.laoCode))) leaks.push(`${path}: ${o.__typename} of LAO ${o.laoCode}`);
    if (o.__typename === 'AuditLog' && o.provinceCode && actor !== 'admin' && o.provinceCode !== home[actor]) {
      leaks.push(`${path}: audit row of province ${o.provinceCode}`);
    }
    for (const [k, v] of Object.entries(o)) await visit(v, `${path}.${k}`);
  };
  await visit(data, 'data');
  expect(leaks).toEqual([]);
}

/** The text of a PDF or a workbook, without spaces, as a search of it would see it. */
async function documentText(body: Buffer, type: string): Promise<string | null> {
  if (type.includes('pdf')) return havePoppler ? pdfText(body).replace(/[\s\u200b]+/g, '') : null;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as never);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? '')))));
  return cells.join('').replace(/[\s\u200b]+/g, '');
}

const CELLS = Object.entries(EXPECTED).flatMap(([key, outcomes]) => ACTORS.map((actor, i) => ({ key, actor, expected: outcomes[i] })));

/** The operation or route a row of EXPECTED names, as API_SCOPES names it (`Query.laos naming province A` → `Query.laos`). */
const baseOf = (key: string) => (/^(Query|Mutation)\./.test(key) ? key.split(' ')[0] : key);
const SERVICE = ACTORS.indexOf('service');
/**
 * The scope matrix: every Query field, every document and evidence file, and every mutation a token may make, by the NACC
 * system with a token of each single scope — answered as its account would be answered where API_SCOPES
 * grants that scope (or lists the field as free), refused FORBIDDEN everywhere else.
 */
const SCOPE_CELLS = Object.entries(EXPECTED)
  .filter(
    ([key, outcomes]) => /^(Query\.|GET \/(export|attachments)\/)/.test(key) || (key.startsWith('Mutation.') && outcomes[SERVICE] === ok),
  )
  .flatMap(([key, outcomes]) =>
    API_SCOPE_LIST.map((scope) => {
      const base = baseOf(key);
      const granted = base in API_SCOPES && (API_SCOPES[base] === null || API_SCOPES[base] === scope);
      return { key, scope, expected: granted ? outcomes[SERVICE] : FORBID };
    }),
  );
/** The NACC system's account by a session rather than a token (no scopes): what EXPECTED says of it, so that the service column is the account's reach. */
const SESSION_CELLS = Object.entries(EXPECTED).map(([key, outcomes]) => ({ key, expected: outcomes[SERVICE] }));

describe.each(databases)('authorization matrix ($name)', ({ url }) => {
  let server: TestServer;
  let schema: GraphQLSchema;
  let fx: Fixtures;
  /** Targets of mutations, kept while callers are refused. */
  const targets = new Map<string, unknown>();
  const readDocuments = new Set<string>();

  beforeAll(async () => {
    server = await TestServer.start(url(), {
      // LINE set up (nothing is pushed here: its API address answers nothing), so that linking is allowed.
      env: {
        WEBHOOK_ALLOW_PRIVATE: '1',
        LINE_CHANNEL_ACCESS_TOKEN: 'matrix',
        LINE_CHANNEL_SECRET: 'matrix',
        LINE_API_BASE_URL: 'http://127.0.0.1:9',
      },
    });
    schema = await getSchema();
    const db = server.db;
    const laoIn = (place: typeof A, tag: string) =>
      makeLao(db, {
        provinceCode: place.province,
        districtCode: place.district,
        name: `องค์การบริหารส่วนตำบลสิทธิ์${tag}${rand()}`,
        revenue: 12_345_678,
        subsidyRevenue: 9_876_543,
        ...profileOf(tag),
      });
    const [a1, a2, b1] = [await laoIn(A, 'aone'), await laoIn(A, 'atwo'), await laoIn(B, 'bone')];
    for (const lao of [a1, a2, b1])
      await db.getRepository(Award).save({ laoCode: lao.code, fiscalYear: YEAR, kind: AwardKind.DECENTRALIZATION, text: null });
    const users = {
      ownLao: await makeUser(db, Role.LAO_OFFICER, { lao: a1 }),
      otherLao: await makeUser(db, Role.LAO_OFFICER, { lao: a2 }),
      ownProvince: await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: A.province }),
      otherProvince: await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: B.province }),
      service: await makeUser(db, Role.SERVICE),
      admin: await makeUser(db, Role.ADMIN),
    };
    const auth: Record<Actor, Auth> = { anonymous: {} } as Record<Actor, Auth>;
    for (const actor of ['ownLao', 'otherLao', 'ownProvince', 'otherProvince', 'admin'] as const) {
      auth[actor] = { cookie: `${SESSION_COOKIE}=${await signIn(server, users[actor].username, PASSWORD)}` };
    }
    const issued = await server.gql(
      'mutation($u: String!) { createApiToken(username: $u, name: "ระบบรายงานของ ป.ป.ช.") { secret } }',
      { u: users.service.username },
      graphqlAuth(auth.admin),
    );
    auth.service = { token: issued.data!.createApiToken.secret };
    const scoped = {} as Record<ApiScope, Auth>;
    for (const scope of API_SCOPE_LIST) {
      const one = await server.gql(
        'mutation($u: String!, $s: [ApiScope!]) { createApiToken(username: $u, name: "ระบบขอบเขตเดียว", scopes: $s) { secret } }',
        { u: users.service.username, s: [scope.toUpperCase().replace(':', '_')] },
        graphqlAuth(auth.admin),
      );
      scoped[scope] = { token: one.data!.createApiToken.secret };
    }
    const session = randomToken();
    await db.getRepository(AuthToken).save({
      tokenHash: sha256(session),
      userId: users.service.id,
      kind: 'SESSION',
      name: '',
      createdAt: server.clock.now(),
      expiresAt: new Date(server.clock.now().getTime() + 24 * 3600_000),
      revokedAt: null,
    });

    // What each LAO has: a reported project; requests waiting in A's and B's queues; SAR scores, a note, audit rows.
    const project = await makeProject(db, a1, { budget: 5_000_000 });
    await makeReport(db, project, { status: WorkStatus.DONE });
    // A report saved with a warning confirmed: a red flag of A1 in province A's queue.
    await makeReport(db, await makeProject(db, a1, { budget: 5_000_000 }), {
      ordinanceBudget: 100_000,
      disbursed: 200_000,
      confirmedWarnings: [ReportWarning.DISBURSED_ABOVE_ORDINANCE],
    });
    await makeProject(db, a2);
    for (const lao of [a1, b1]) {
      await makeProject(db, lao, { origin: ProjectOrigin.ADDITIONAL });
      await db.getRepository(BaselineRequest).save({
        laoCode: lao.code,
        fiscalYear: YEAR + 1,
        currentCount: 1,
        requestedCount: 2,
        status: RequestStatus.PENDING,
        reason: null,
        requestedBy: null,
        requestedAt: server.clock.now(),
        decidedBy: null,
        decidedAt: null,
      });
      await db.getRepository(AuditLog).insert({
        actorId: null,
        actorUsername: 'fixture',
        action: 'updateLaoProfile',
        targetType: 'Lao',
        targetId: lao.code,
        laoCode: lao.code,
        provinceCode: lao.provinceCode,
        before: null,
        after: null,
        ip: null,
        at: server.clock.now(),
      });
    }
    await db
      .getRepository(SarScore)
      .save({ laoCode: a1.code, fiscalYear: YEAR, dimension: 1, selfScore: 8000, evaluatedScore: 7500, budget: null, projectCount: 3 });
    const attachment = await makeAttachment(db, a1);
    fx = { server, a1, a2, b1, project, attachment, users, auth, scoped, serviceSession: { token: session } };
  }, 60_000);
  afterAll(() => server.stop());

  it('has a row for every operation of the schema and every route of the server, and none for what is gone', () => {
    const operations = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
      ...routesOf(server),
    ].sort();
    expect(operations).toContain('GET /export/memo.pdf');
    expect(operations).toContain('POST /import/laos');
    const named = [
      ...new Set(Object.keys(EXPECTED).map((k) => (k.startsWith('Query.') || k.startsWith('Mutation.') ? k.split(' ')[0] : k))),
    ].sort();
    expect(named).toEqual(operations);
    const graphql = Object.keys(EXPECTED).filter((k) => /^(Query|Mutation)\./.test(k));
    expect(Object.keys(CALLS).sort()).toEqual(graphql.sort());
    for (const outcomes of Object.values(EXPECTED)) expect(outcomes).toHaveLength(ACTORS.length);
  });

  it('API_SCOPES names every operation and document the NACC system reaches, and nothing else', () => {
    // The health checks answer everyone and read no data, the public pages and open data answer everyone: no token is asked for there.
    const reached = [
      ...new Set(
        Object.entries(EXPECTED)
          .filter(([key, o]) => o[SERVICE] === ok && !/^GET \/(healthz|public\b|open-data\/)/.test(key))
          .map(([key]) => baseOf(key)),
      ),
    ].sort();
    expect(Object.keys(API_SCOPES).sort()).toEqual(reached);
  });

  it.each(CELLS)('$key by $actor: $expected', ({ key, actor, expected }) => cell(key, actor, expected), 30_000);

  it.each(SCOPE_CELLS)(
    '$key by a token of scope $scope: $expected',
    ({ key, scope, expected }) => cell(key, 'service', expected, fx.scoped[scope]),
    30_000,
  );

  it.each(SESSION_CELLS)('$key by the NACC system’s account with a session: $expected', ({ key, expected }) =>
    cell(key, 'service', expected, fx.serviceSession),
  );

  /** One call of the matrix, by the actor with its usual credentials or with `as`. */
  async function cell(key: string, actor: Actor, expected: Outcome, as?: Auth): Promise<void> {
    {
      if (!/^(Query|Mutation)\./.test(key)) return routeCell(key, actor, expected, as);
      const call = CALLS[key];
      if (call.target && !targets.has(key)) targets.set(key, await call.target(fx, actor));
      const target = targets.get(key);
      const auth = call.auth ? call.auth(fx, target, actor) : (as ?? fx.auth[actor]);
      const vars = call.vars?.(fx, target, actor) ?? {};
      const { text, field } = operationOf(schema, key, vars, call.select);
      const before = await call.state?.(fx, target, actor);
      // The changes of the caller (a token's requests leave rows of their own, apiRequest).
      const changes = () => repo(fx, AuditLog).countBy({ actorUsername: fx.users[actor as 'admin'].username, action: Not('apiRequest') });
      const auditBefore = actor === 'anonymous' ? 0 : await changes();

      // Operations generated from the schema, sent as text: untyped by design.
      const res: GqlResult<any> = await server.gql(text, vars, graphqlAuth(auth));

      const after = await call.state?.(fx, target, actor);
      if (expected === ok) {
        targets.delete(key);
        expect(res.errors).toBeUndefined();
        expect(res.data).toHaveProperty(field);
        await assertInScope(res.data, call, fx, actor);
        call.check?.(res.data, fx, actor);
        if (call.state && actor !== 'anonymous') expect(after).not.toEqual(before);
      } else {
        expect({ code: res.errors?.[0]?.extensions?.code, data: res.data?.[field] ?? null }).toEqual({ code: expected, data: null });
        expect(res.errors![0].message).toMatch(/[\u0E00-\u0E7F]/);
        expect(after).toEqual(before);
        if (actor !== 'anonymous') expect(await changes()).toBe(auditBefore);
      }
    }
  }

  it('a session answers the same by bearer token as by cookie on the routes (the matrix sends officers’ cookies there)', async () => {
    const bearer = (actor: Actor) => ({ authorization: `Bearer ${fx.auth[actor].cookie!.split('=')[1]}` });
    const get = (actor: Actor) =>
      fetch(`${server.url}/export/overview.xlsx?lao=${fx.a1.code}&year=${YEAR}&round=SIX_MONTHS`, { headers: bearer(actor) });
    const post = (actor: Actor) =>
      fetch(`${server.url}/import/plan-years`, {
        method: 'POST',
        headers: { ...bearer(actor), 'content-type': 'text/csv' },
        body: 'laoCode,fiscalYear\r\n',
      });
    expect([(await get('ownLao')).status, (await get('otherLao')).status, (await get('otherProvince')).status]).toEqual([200, 403, 403]);
    expect([(await post('admin')).status, (await post('ownProvince')).status]).toEqual([200, 403]);
    const lao = (actor: Actor) =>
      server.gql('query($c: String!) { lao(code: $c) { code } }', { c: fx.a1.code }, { token: bearer(actor).authorization.slice(7) });
    expect((await lao('ownProvince')).data).toEqual({ lao: { code: fx.a1.code } });
    expect((await lao('otherLao')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The same text with the session's cookie is not run: a browser session sends trusted documents only.
    const byCookie = await server.gql(
      'query($c: String!) { lao(code: $c) { code } }',
      { c: fx.a1.code },
      { cookie: fx.auth.ownProvince.cookie },
    );
    expect([byCookie.status, byCookie.data, byCookie.errors?.[0].extensions?.code]).toEqual([400, null, 'UNTRUSTED_DOCUMENT']);
  });

  it('an officer whose account names no province sees no LAO and no queue, not the whole country', async () => {
    const officer = await makeUser(server.db, Role.PROVINCE_OFFICER);
    await server.db.getRepository(User).update({ id: officer.id }, { provinceCode: null });
    const { auth } = await sessionOf(fx, officer);
    const res = await server.gql(
      '{ laos { code } reviewQueue { additions { fiscalYear } baselineRequests { id } } }',
      {},
      graphqlAuth(auth),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ laos: [], reviewQueue: { additions: [], baselineRequests: [] } });
  });

  async function routeCell(key: string, actor: Actor, expected: Outcome, as?: Auth): Promise<void> {
    const { url: path, init } = routeRequest(key, fx);
    const { token, cookie } = as ?? fx.auth[actor];
    const headers = {
      ...(init.headers as Record<string, string>),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(cookie ? { cookie } : {}),
    };
    const res = await fetch(`${server.url}${path}`, { ...init, headers });
    const body = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    expect(res.status).toBe(HTTP_STATUS[expected]);
    if (expected !== ok) {
      expect(type).not.toMatch(/pdf|spreadsheet/);
      expect(body.toString('utf8')).toMatch(/[\u0E00-\u0E7F]/);
      return;
    }
    // The document is of A1 (or of A1's province) and names no LAO beyond it; it is the same for every caller allowed it.
    if (!path.startsWith('/export/') || readDocuments.has(key)) return;
    readDocuments.add(key);
    const text = await documentText(body, type);
    if (text === null) return;
    const name = (lao: Lao) => lao.name.replace(/\s+/g, '');
    // The country's table counts LAOs by province and names none.
    if (path.startsWith('/export/national-scores.')) {
      expect(text).toContain('รวมทั้งประเทศ');
      expect(text).not.toContain(name(fx.a1));
      return;
    }
    expect(text).toContain(name(fx.a1));
    expect(text).not.toContain(name(fx.b1));
    if (path.startsWith('/export/province.') || path.startsWith('/export/follow-up.')) expect(text).toContain(name(fx.a2));
    else expect(text).not.toContain(name(fx.a2));
  }
});
