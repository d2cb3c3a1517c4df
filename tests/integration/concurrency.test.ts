import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { OutboxMail } from '../../server/src/core/outbox-mail.entity';
import { Role } from '../../server/src/modules/access/role';
import { User } from '../../server/src/modules/account/user.entity';
import { BaselineRequest } from '../../server/src/modules/baseline-request/baseline-request.entity';
import { Award } from '../../server/src/modules/lao/award.entity';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { PlanYear } from '../../server/src/modules/plan-year/plan-year.entity';
import { PlanResultNote } from '../../server/src/modules/progress-report/plan-result-note.entity';
import { ProgressReport } from '../../server/src/modules/progress-report/progress-report.entity';
import { ReportingReopening } from '../../server/src/modules/reporting-window/reporting-window.entity';
import { RoundPublication } from '../../server/src/modules/public/round-publication.entity';
import { ProjectYear } from '../../server/src/modules/project/project-year.entity';
import { Project } from '../../server/src/modules/project/project.entity';
import { PlanStatus, ProjectOrigin } from '../../server/src/modules/plan/project.enums';
import { SarScore } from '../../server/src/modules/sar/sar-score.entity';
import { RedFlagDecision } from '../../server/src/modules/red-flag/red-flag-decision.entity';
import { ReportWarning } from '../../server/src/modules/progress-report/report-warnings';
import { getSchema } from '../../server/src/schema';
import { IsNull } from 'typeorm';
import {
  Notification,
  NotificationChannel,
  NotificationDelivery,
  NotificationKind,
  NotificationSetting,
  NoticeDeliveryStatus,
} from '../../server/src/modules/notification/notification.entity';
import { LineLinkCode } from '../../server/src/modules/notification/line.entity';
import { linkCodeHash } from '../../server/src/modules/notification/line.link';
import { ReminderSent } from '../../server/src/modules/reminder/reminder.entity';
import { inTransaction } from '../../server/src/core/db';
import { readEmblem } from '../../server/src/modules/memo-emblem/emblem-image';
import { MemoEmblem } from '../../server/src/modules/memo-emblem/memo-emblem.entity';
import { discPng } from '../support/png';
import { pdfOf, uploadFile } from '../support/attachments';
import { Attachment, AttachmentChunk } from '../../server/src/modules/attachment/attachment.entity';
import {
  freshName,
  makeAttachment,
  makeDelivery,
  makeLao,
  makeProject,
  makeReport,
  makeSession,
  makeUser,
  makeWebhook,
  PASSWORD,
  unusedLaoCode,
} from '../fixtures/factories';
import { Webhook, WebhookDelivery } from '../../server/src/modules/webhook/webhook.entity';
import { AuthToken } from '../../server/src/modules/account/auth-token.entity';
import { codeOf, databases, signIn, TestServer, type GqlResult } from './harness';
import {
  CreateApiTokenApiTokenDocument,
  CreateProjectIdDocument,
  ProvincesDocument,
  RequestBaselineChange17Document,
  RequestBaselineChangeIdDocument,
  RequestPasswordResetDocument,
  SaveProgressReportIdDocument,
  SetAwardsKindDocument,
  UpdateLaoProfileCodeDocument,
  UpdateProjectIdDocument,
  type ProjectInput,
} from '../gql/graphql';

/**
 * Every write path under dozens of simultaneous callers on the same record — the deadline surge at
 * its worst. Each call must succeed or answer with a refusal a user can act on (CONFLICT, or the
 * validation answer the same call would get one second later); never an internal error, never a
 * hang; the server stays healthy; nothing is lost or stored twice.
 */
const CALLERS = 24;
/** What a red flag's decision loses with: decided by someone else first, or (rarely) a race run out of retries. */
const DECIDED_OR_RACED = /^รายการนี้ได้รับการพิจารณาว่า “(ไม่มีประเด็น|ติดตามตรวจสอบ)” แล้ว โดย |^มีผู้ใช้งานบันทึกข้อมูลเดียวกันนี้/;
// Dozens of callers at once, argon2 included, on a small machine that runs other suites beside this one.
jest.setTimeout(60_000);
/** Password hashing (argon2id, 19 MiB each) is what these calls spend their time on: fewer of them. */
const HASHING_CALLERS = 8;

interface Scenario {
  name: string;
  callers?: number;
  /** Codes a losing caller may get besides CONFLICT. */
  alsoAllowed?: string[];
  /** How many callers must succeed: a number, or 'all'. Unset: at least one. */
  successes?: number | 'all';
  prepare(): Promise<{ query: string; variables: (i: number) => Record<string, unknown>; token?: string }>;
  /** What the database must hold afterwards (the answers are untyped: every mutation of the schema is a scenario, sent as text). */
  check?(results: Array<GqlResult<any>>): Promise<void>;
}

const PROJECT_INPUT = (name: string): ProjectInput => ({
  origin: 'PLANNED',
  name,
  fiscalYears: [2567],
  category: 'PROJECT',
  quarters: [1, 2],
  dimension: 1,
  extraDimensions: [],
  budget: '150000.00',
  targetGroups: ['LOCAL_STAFF'],
  objective: 'เพื่อทดสอบการบันทึกพร้อมกัน',
  note: null,
});

describe.each(databases)('every write path under concurrent callers ($name)', ({ name: dbName, url }) => {
  let server: TestServer;
  let admin: string;
  let adminId: number;
  let reviewer: string;
  let lao: Lao;
  let officer: string;

  beforeAll(async () => {
    server = await TestServer.start(url(), {
      // LINE set up (nothing is pushed: no delivery job runs here), so that linking is allowed.
      env: {
        WEBHOOK_ALLOW_PRIVATE: '1',
        LINE_CHANNEL_ACCESS_TOKEN: 'concurrency',
        LINE_CHANNEL_SECRET: 'concurrency',
        LINE_API_BASE_URL: 'http://127.0.0.1:9',
      },
    });
    const [a, r, o] = await Promise.all([
      makeUser(server.db, Role.ADMIN),
      makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '80' }),
      makeUser(server.db, Role.LAO_OFFICER),
    ]);
    adminId = a.id;
    lao = await server.db.getRepository(Lao).findOneByOrFail({ code: o.laoCode! });
    [admin, reviewer, officer] = await Promise.all([
      signIn(server, a.username, PASSWORD),
      signIn(server, r.username, PASSWORD),
      signIn(server, o.username, PASSWORD),
    ]);
  });
  afterAll(() => server.stop());

  /** A fresh LAO of province 80 with a signed-in officer, for scenarios that must not share records. */
  async function freshOfficer() {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const own = await server.db.getRepository(Lao).findOneByOrFail({ code: user.laoCode! });
    return { lao: own, user, token: await signIn(server, user.username, PASSWORD) };
  }

  const projectYear = (projectId: number) => server.db.getRepository(ProjectYear).findOneByOrFail({ projectId, fiscalYear: 2567 });

  /** A new red flag of the officer's LAO (a report saved with a warning confirmed), by its id in province 80's queue. */
  async function freshRedFlag(): Promise<string> {
    const project = await makeProject(server.db, lao, { fiscalYears: [2567], budget: 1_000_000 });
    await makeReport(server.db, project, {
      ordinanceBudget: 500_000,
      disbursed: 600_000,
      confirmedWarnings: [ReportWarning.DISBURSED_ABOVE_ORDINANCE],
    });
    const res = await server.gql(
      'query { redFlags(provinceCode: "80", fiscalYear: 2567, round: SIX_MONTHS) { id evidence } }',
      {},
      { token: reviewer },
    );
    return res.data!.redFlags.find((f: { evidence: string }) => f.evidence.includes(project.name)).id;
  }

  const scenarios: Scenario[] = [
    {
      name: 'createProject: officers of one LAO adding projects at once get distinct numbers (ลำดับ)',
      successes: 'all',
      async prepare() {
        const own = await freshOfficer();
        return {
          token: own.token,
          query: 'mutation($l: String!, $input: ProjectInput!) { createProject(laoCode: $l, input: $input) { id seq } }',
          variables: (i) => ({ l: own.lao.code, input: PROJECT_INPUT(`โครงการพร้อมกันที่ ${i + 1}`) }),
        };
      },
      async check(results) {
        const seqs = results.map((r) => r.data!.createProject.seq as number).sort((a, b) => a - b);
        expect(seqs).toEqual(Array.from({ length: results.length }, (_, i) => i + 1));
      },
    },
    (() => {
      let project: Project;
      return {
        name: 'updateProject: one save of a version wins, the others are told it changed',
        successes: 1,
        async prepare() {
          project = await makeProject(server.db, lao, { fiscalYears: [2567] });
          return {
            token: officer,
            query: 'mutation($id: ID!, $input: ProjectInput!) { updateProject(id: $id, version: 1, input: $input) { version name } }',
            variables: (i) => ({ id: String(project.id), input: PROJECT_INPUT(`ชื่อที่แก้ไขโดยคนที่ ${i + 1}`) }),
          };
        },
        async check(results) {
          const winner = results.find((r) => r.data)!.data!.updateProject;
          const stored = await server.db.getRepository(Project).findOneByOrFail({ id: project.id });
          expect({ version: stored.version, name: stored.name }).toEqual({ version: 2, name: winner.name });
        },
      } satisfies Scenario;
    })(),
    (() => {
      let project: Project;
      return {
        name: 'deleteProject: deleted once; the others find it gone',
        successes: 1,
        alsoAllowed: ['NOT_FOUND'],
        async prepare() {
          project = await makeProject(server.db, lao, { fiscalYears: [2567] });
          return { token: officer, query: 'mutation($id: ID!) { deleteProject(id: $id) }', variables: () => ({ id: String(project.id) }) };
        },
        async check() {
          expect(await server.db.getRepository(ProjectYear).countBy({ projectId: project.id })).toBe(0);
          expect(await server.db.getRepository(AuditLog).countBy({ action: 'deleteProject', targetId: String(project.id) })).toBe(1);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let project: Project;
      return {
        name: 'requestProjectReduction: asked once',
        successes: 1,
        async prepare() {
          project = await makeProject(server.db, lao, { fiscalYears: [2567] });
          return {
            token: officer,
            query:
              'mutation($id: ID!) { requestProjectReduction(projectId: $id, fiscalYear: 2567, note: "ไม่ได้รับงบประมาณ") { planStatus } }',
            variables: () => ({ id: String(project.id) }),
          };
        },
        async check() {
          expect((await projectYear(project.id)).planStatus).toBe(PlanStatus.REDUCE_PENDING);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let project: Project;
      return {
        name: 'saveProgressReport: one report of a project and round, carried to twelve months as the last save says',
        async prepare() {
          project = await makeProject(server.db, lao, { fiscalYears: [2567], budget: 5_000_000 });
          return {
            token: officer,
            query: `mutation($input: ProgressReportInput!) { saveProgressReport(input: $input) { id status } }`,
            variables: (i) => ({
              input: {
                projectId: String(project.id),
                fiscalYear: 2567,
                round: 'SIX_MONTHS',
                inOrdinance: true,
                ordinanceBudget: '50000.00',
                disbursed: `${1000 + i}.25`,
                status: i % 2 ? 'DONE' : 'IN_PROGRESS',
              },
            }),
          };
        },
        async check() {
          const reports = await server.db.getRepository(ProgressReport).findBy({ projectId: project.id });
          const six = reports.filter((r) => r.round === 'SIX_MONTHS');
          const twelve = reports.filter((r) => r.round === 'TWELVE_MONTHS');
          expect(six).toHaveLength(1);
          // The carried copy follows the six-month report that was saved last.
          expect(twelve.map((r) => ({ carried: r.carried, disbursed: r.disbursed }))).toEqual(
            six[0].status === 'DONE' ? [{ carried: true, disbursed: six[0].disbursed }] : [],
          );
        },
      } satisfies Scenario;
    })(),
    (() => {
      const projects: Project[] = [];
      return {
        name: 'saveProgressReport: officers of one LAO reporting different projects at once all succeed',
        successes: 'all',
        async prepare() {
          for (let i = 0; i < CALLERS; i++) projects.push(await makeProject(server.db, lao, { fiscalYears: [2567] }));
          return {
            token: officer,
            query: `mutation($input: ProgressReportInput!) { saveProgressReport(input: $input) { id } }`,
            variables: (i) => ({
              input: { projectId: String(projects[i].id), fiscalYear: 2567, round: 'SIX_MONTHS', inOrdinance: false, status: 'DONE' },
            }),
          };
        },
        async check() {
          for (const p of projects) expect(await server.db.getRepository(ProgressReport).countBy({ projectId: p.id })).toBe(2);
        },
      } satisfies Scenario;
    })(),
    {
      name: 'savePlanResultNote: one note of a round',
      async prepare() {
        return {
          token: officer,
          query:
            'mutation($l: String!, $p: String!) { savePlanResultNote(laoCode: $l, fiscalYear: 2567, round: SIX_MONTHS, input: { problems: $p, reporterName: "นางสาวอนุศาสน์ อภัยรัตน์" }) { problems } }',
          variables: (i) => ({ l: lao.code, p: `ปัญหาข้อที่ ${i + 1}` }),
        };
      },
      async check() {
        expect(
          await server.db.getRepository(PlanResultNote).countBy({ laoCode: lao.code, fiscalYear: 2567, round: 'SIX_MONTHS' as never }),
        ).toBe(1);
      },
    },
    {
      name: 'setAwards: the awards of a year are exactly one caller’s set',
      async prepare() {
        const sets = [[{ kind: 'KPI' }], [{ kind: 'OPDC' }, { kind: 'OTHER', text: 'รางวัลจังหวัด' }], []];
        return {
          token: officer,
          query: 'mutation($l: String!, $a: [AwardInput!]!) { setAwards(laoCode: $l, fiscalYear: 2567, awards: $a) { kind } }',
          variables: (i) => ({ l: lao.code, a: sets[i % sets.length] }),
        };
      },
      async check() {
        const kinds = (await server.db.getRepository(Award).findBy({ laoCode: lao.code, fiscalYear: 2567 })).map((a) => a.kind).sort();
        expect([['KPI'], ['OPDC', 'OTHER'], []]).toContainEqual(kinds);
      },
    },
    {
      name: 'updateLaoProfile: basic data saved by everyone, one of them last',
      successes: 'all',
      async prepare() {
        return {
          token: officer,
          query: 'mutation($l: String!, $input: LaoProfileInput!) { updateLaoProfile(laoCode: $l, input: $input) { population } }',
          variables: (i) => ({ l: lao.code, input: { size: 'MEDIUM', population: 5000 + i, executiveName: `นายกคนที่ ${i}` } }),
        };
      },
      async check() {
        const stored = await server.db.getRepository(Lao).findOneByOrFail({ code: lao.code });
        expect(stored.executiveName).toBe(`นายกคนที่ ${stored.population! - 5000}`);
      },
    },
    (() => {
      let own: Awaited<ReturnType<typeof freshOfficer>>;
      return {
        name: 'requestBaselineChange: one pending request a year',
        successes: 1,
        async prepare() {
          own = await freshOfficer();
          return {
            token: own.token,
            query: 'mutation($l: String!, $n: Int!) { requestBaselineChange(laoCode: $l, fiscalYear: 2567, requestedCount: $n) { id } }',
            variables: (i) => ({ l: own.lao.code, n: 10 + i }),
          };
        },
        async check() {
          expect(await server.db.getRepository(BaselineRequest).countBy({ laoCode: own.lao.code, status: 'PENDING' as never })).toBe(1);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let request: BaselineRequest;
      return {
        name: 'cancelBaselineRequest: cancelled once',
        successes: 1,
        async prepare() {
          const own = await freshOfficer();
          const made = await server.gql(RequestBaselineChangeIdDocument, { l: own.lao.code }, { token: own.token });
          request = await server.db.getRepository(BaselineRequest).findOneByOrFail({ id: Number(made.data!.requestBaselineChange.id) });
          return {
            token: own.token,
            query: 'mutation($id: ID!) { cancelBaselineRequest(id: $id) { status } }',
            variables: () => ({ id: String(request.id) }),
          };
        },
        async check() {
          expect(await server.db.getRepository(AuditLog).countBy({ action: 'cancelBaselineRequest', targetId: String(request.id) })).toBe(
            1,
          );
        },
      } satisfies Scenario;
    })(),
    (() => {
      let project: Project;
      return {
        name: 'reviewProjectAddition: decided once',
        successes: 1,
        async prepare() {
          project = await makeProject(server.db, lao, { origin: ProjectOrigin.ADDITIONAL, fiscalYears: [2567] });
          return {
            token: reviewer,
            query:
              'mutation($id: ID!, $a: Boolean!) { reviewProjectAddition(projectId: $id, fiscalYear: 2567, approve: $a, reason: "ไม่สอดคล้องกับแผน") { planStatus } }',
            variables: (i) => ({ id: String(project.id), a: i % 2 === 0 }),
          };
        },
        async check(results) {
          const decided = results.find((r) => r.data)!.data!.reviewProjectAddition.planStatus;
          expect((await projectYear(project.id)).planStatus).toBe(decided);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let project: Project;
      return {
        name: 'reviewProjectReduction: decided once',
        successes: 1,
        async prepare() {
          project = await makeProject(server.db, lao, { fiscalYears: [2567], planStatus: PlanStatus.REDUCE_PENDING });
          return {
            token: reviewer,
            query: 'mutation($id: ID!) { reviewProjectReduction(projectId: $id, fiscalYear: 2567, approve: true) { planStatus } }',
            variables: () => ({ id: String(project.id) }),
          };
        },
        async check() {
          expect((await projectYear(project.id)).planStatus).toBe(PlanStatus.REDUCED);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let project: Project;
      return {
        name: 'setProjectCompliance: marked once',
        successes: 1,
        async prepare() {
          project = await makeProject(server.db, lao, { fiscalYears: [2567] });
          return {
            token: reviewer,
            query:
              'mutation($id: ID!) { setProjectCompliance(projectId: $id, fiscalYear: 2567, compliant: false, reason: "ไม่ตรงมิติ") { planStatus } }',
            variables: () => ({ id: String(project.id) }),
          };
        },
        async check() {
          expect((await projectYear(project.id)).planStatus).toBe(PlanStatus.NON_COMPLIANT);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let own: Awaited<ReturnType<typeof freshOfficer>>;
      let id: string;
      return {
        name: 'reviewBaselineRequest: decided once, the baseline set once',
        successes: 1,
        async prepare() {
          own = await freshOfficer();
          const made = await server.gql(RequestBaselineChange17Document, { l: own.lao.code }, { token: own.token });
          id = made.data!.requestBaselineChange.id;
          return {
            token: reviewer,
            query: 'mutation($id: ID!) { reviewBaselineRequest(id: $id, approve: true) { status } }',
            variables: () => ({ id }),
          };
        },
        async check() {
          expect(await server.db.getRepository(PlanYear).findBy({ laoCode: own.lao.code, fiscalYear: 2567 })).toEqual([
            expect.objectContaining({ baselineCount: 17 }),
          ]);
        },
      } satisfies Scenario;
    })(),
    (() => {
      const projects: Project[] = [];
      return {
        name: 'approveMany: one batch wins, all or none',
        successes: 1,
        async prepare() {
          for (let i = 0; i < 3; i++) {
            projects.push(await makeProject(server.db, lao, { origin: ProjectOrigin.ADDITIONAL, fiscalYears: [2567] }));
          }
          return {
            token: reviewer,
            query: 'mutation($items: [ReviewItemInput!]!) { approveMany(items: $items) }',
            variables: (i) => ({
              items: (i % 2 ? [...projects].reverse() : projects).map((p) => ({
                kind: 'ADDITION',
                projectId: String(p.id),
                fiscalYear: 2567,
              })),
            }),
          };
        },
        async check() {
          for (const p of projects) expect((await projectYear(p.id)).planStatus).toBe(PlanStatus.COMPLIANT);
        },
      } satisfies Scenario;
    })(),
    {
      name: 'setSarScores: the year holds exactly one caller’s rows',
      async prepare() {
        return {
          token: reviewer,
          query:
            'mutation($l: String!, $rows: [SarScoreInput!]!) { setSarScores(laoCode: $l, fiscalYear: 2567, rows: $rows) { dimension } }',
          variables: (i) => ({
            l: lao.code,
            rows: [1, 2, 3, 4].slice(0, 1 + (i % 4)).map((dimension) => ({ dimension, selfScore: 70 + (i % 30), evaluatedScore: 70 })),
          }),
        };
      },
      async check() {
        const rows = await server.db.getRepository(SarScore).findBy({ laoCode: lao.code, fiscalYear: 2567 });
        expect(new Set(rows.map((r) => r.selfScore)).size).toBe(1);
        expect(rows.map((r) => r.dimension).sort()).toEqual([1, 2, 3, 4].slice(0, rows.length));
      },
    },
    (() => {
      let code: string;
      return {
        name: 'createLao: one LAO of a code; the others are told the code is taken',
        successes: 1,
        alsoAllowed: ['BAD_USER_INPUT'],
        async prepare() {
          code = await unusedLaoCode(server.db);
          return {
            token: admin,
            query: 'mutation($input: CreateLaoInput!) { createLao(input: $input) { code name } }',
            variables: (i) => ({
              input: { code, name: `องค์การบริหารส่วนตำบลพร้อมกัน${i}`, type: 'SAO', size: 'SMALL', provinceCode: '80', districtCode: '8007' },
            }),
          };
        },
        async check(results) {
          const winner = results.find((r) => r.data)!.data!.createLao.name;
          expect((await server.db.getRepository(Lao).findOneByOrFail({ code })).name).toBe(winner);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let entry: Lao;
      return {
        name: 'updateLao: the registry entry is one caller’s whole edit, retired or in use with its dates to match',
        successes: 'all',
        async prepare() {
          entry = await makeLao(server.db, { provinceCode: '80', districtCode: '8007' });
          return {
            token: admin,
            query: 'mutation($c: String!, $input: UpdateLaoInput!) { updateLao(code: $c, input: $input) { code } }',
            variables: (i) => ({
              c: entry.code,
              input: {
                name: `องค์การบริหารส่วนตำบลแก้ไขพร้อมกัน${i}`,
                type: 'SAO',
                size: 'SMALL',
                districtCode: '8007',
                address: `หมู่ ${i}`,
                active: i % 2 === 0,
              },
            }),
          };
        },
        async check() {
          const stored = await server.db.getRepository(Lao).findOneByOrFail({ code: entry.code });
          const i = Number(stored.address!.replace('หมู่ ', ''));
          expect(stored.name).toBe(`องค์การบริหารส่วนตำบลแก้ไขพร้อมกัน${i}`);
          expect([stored.active, stored.lastFiscalYear]).toEqual(i % 2 === 0 ? [true, null] : [false, 2567]);
        },
      } satisfies Scenario;
    })(),
    (() => {
      const username = freshName('concurrent');
      return {
        name: 'createUser: one account of a username',
        callers: HASHING_CALLERS,
        successes: 1,
        alsoAllowed: ['BAD_USER_INPUT'],
        async prepare() {
          return {
            token: admin,
            query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
            variables: () => ({ input: { username, role: 'PROVINCE_OFFICER', provinceCode: '80', password: 'Concurrent#2567' } }),
          };
        },
        async check() {
          expect(await server.db.getRepository(User).countBy({ username })).toBe(1);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let own: Lao;
      return {
        name: 'setPlanYear: one row of counts',
        successes: 'all',
        async prepare() {
          own = await makeLao(server.db);
          return {
            token: admin,
            query:
              'mutation($l: String!, $n: Int!) { setPlanYear(laoCode: $l, fiscalYear: 2567, baselineCount: $n, minimumCount: 5) { baselineCount } }',
            variables: (i) => ({ l: own.code, n: 20 + i }),
          };
        },
        async check() {
          expect(await server.db.getRepository(PlanYear).countBy({ laoCode: own.code, fiscalYear: 2567 })).toBe(1);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let flagId: string;
      return {
        name: 'dismissRedFlag: two dozen dismissals of one red flag at once keep one, the others are told who dismissed it',
        successes: 1,
        async prepare() {
          flagId = await freshRedFlag();
          return {
            token: reviewer,
            query: 'mutation($id: ID!, $n: String!) { dismissRedFlag(id: $id, note: $n) { status } }',
            variables: (i) => ({ id: flagId, n: `ตรวจเอกสารแล้ว ไม่มีประเด็น (${i + 1})` }),
          };
        },
        async check(results) {
          for (const r of results.filter((x) => x.errors)) expect(r.errors![0].message).toMatch(DECIDED_OR_RACED);
          const kept = await server.db.getRepository(RedFlagDecision).findBy({ flagId });
          expect(kept.map((d) => d.action)).toEqual(['DISMISS']);
          expect(await server.db.getRepository(AuditLog).countBy({ action: 'dismissRedFlag', targetId: flagId })).toBe(1);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let flagId: string;
      return {
        name: 'followUpRedFlag, dismissRedFlag: following up and dismissing one flag at once keep at most one of each, each with its audit row',
        async prepare() {
          flagId = await freshRedFlag();
          return {
            token: reviewer,
            query: `mutation($id: ID!, $n: String!, $dismiss: Boolean!) {
              followUpRedFlag(id: $id, note: $n) @skip(if: $dismiss) { status }
              dismissRedFlag(id: $id, note: $n) @include(if: $dismiss) { status } }`,
            variables: (i) => ({ id: flagId, n: `บันทึกของเจ้าหน้าที่คนที่ ${i + 1}`, dismiss: i % 2 === 1 }),
          };
        },
        async check(results) {
          for (const r of results.filter((x) => x.errors)) expect(r.errors![0].message).toMatch(DECIDED_OR_RACED);
          const kept = await server.db.getRepository(RedFlagDecision).findBy({ flagId });
          const actions = kept.map((d) => d.action).sort();
          expect([['DISMISS'], ['DISMISS', 'FOLLOW_UP']]).toContainEqual(actions);
          // Every success is a decision kept, and each decision kept answered one caller with its note.
          expect(results.filter((r) => !r.errors)).toHaveLength(kept.length);
          const audits = await server.db.getRepository(AuditLog).findBy({ targetType: 'RedFlag', targetId: flagId });
          expect(audits.map((a) => a.action).sort()).toEqual(
            actions.map((a) => (a === 'DISMISS' ? 'dismissRedFlag' : 'followUpRedFlag')).sort(),
          );
        },
      } satisfies Scenario;
    })(),
    {
      name: 'setReportingWindow: one window of a year and round',
      successes: 'all',
      async prepare() {
        return {
          token: admin,
          query:
            'mutation($c: DateTime) { setReportingWindow(fiscalYear: 2564, round: SIX_MONTHS, opensAt: null, closesAt: $c) { closesAt } }',
          variables: (i) => ({ c: new Date(Date.UTC(2020, 3, 1 + i)).toISOString() }),
        };
      },
    },
    (() => {
      let own: Lao;
      return {
        name: 'reopenRound, endReopening: one reopening at a time',
        alsoAllowed: ['BAD_USER_INPUT'],
        async prepare() {
          own = await makeLao(server.db);
          return {
            token: admin,
            query: `mutation($l: String!, $u: DateTime!, $end: Boolean!) {
              reopenRound(laoCode: $l, fiscalYear: 2566, round: SIX_MONTHS, until: $u) @skip(if: $end) { openUntil }
              endReopening(laoCode: $l, fiscalYear: 2566, round: SIX_MONTHS) @include(if: $end) }`,
            variables: (i) => ({ l: own.code, u: '2024-06-01T00:00:00.000Z', end: i % 3 === 2 }),
          };
        },
        async check() {
          expect(await server.db.getRepository(ReportingReopening).countBy({ laoCode: own.code, fiscalYear: 2566 })).toBeLessThanOrEqual(1);
        },
      } satisfies Scenario;
    })(),
    {
      name: 'setMemoEmblem, clearMemoEmblem: one emblem, whole, whoever comes last',
      successes: 'all',
      async prepare() {
        return {
          token: admin,
          query: `mutation($image: String!, $clear: Boolean!) {
            setMemoEmblem(image: $image) @skip(if: $clear) { width }
            clearMemoEmblem @include(if: $clear) }`,
          variables: (i) => ({ image: discPng(40 + i, 40).toString('base64'), clear: i % 4 === 3 }),
        };
      },
      async check() {
        const emblems = await server.db.getRepository(MemoEmblem).find();
        expect(emblems.length).toBeLessThanOrEqual(1);
        for (const e of emblems) expect(readEmblem(Buffer.from(e.data, 'base64'))).toMatchObject({ width: e.width, height: 40 });
      },
    },
    {
      name: 'setLevelThresholds: the year’s thresholds are one caller’s',
      successes: 'all',
      async prepare() {
        return {
          token: admin,
          query: `mutation($h: Int!) { setLevelThresholds(fiscalYear: 2564, input: { round: TWELVE_MONTHS, highFrom: $h, highInclusive: true, mediumFrom: 40, mediumInclusive: true }) { round } }`,
          variables: (i) => ({ h: 60 + i }),
        };
      },
    },
    {
      name: 'setRoundPublication: one switch of a year and round, a withdrawal always with its reason',
      successes: 'all',
      async prepare() {
        return {
          token: admin,
          query:
            'mutation($p: Boolean!, $r: String) { setRoundPublication(fiscalYear: 2561, round: SIX_MONTHS, published: $p, reason: $r) { state } }',
          variables: (i) => ({ p: i % 2 === 0, r: i % 2 === 0 ? null : `ถอนการเผยแพร่พร้อมกัน ${i}` }),
        };
      },
      async check() {
        const rows = await server.db.getRepository(RoundPublication).findBy({ fiscalYear: 2561 });
        expect(rows.map((r) => r.published || (r.reason ?? '').startsWith('ถอนการเผยแพร่พร้อมกัน'))).toEqual([true]);
        // Published again as it was: no other suite on this database finds 2561 withdrawn.
        await server.db.getRepository(RoundPublication).delete({ fiscalYear: 2561 });
      },
    },
    (() => {
      const codes: string[] = [];
      return {
        name: 'importLaos: the same file imported at once creates each LAO once',
        alsoAllowed: ['BAD_USER_INPUT'],
        async prepare() {
          codes.push(await unusedLaoCode(server.db), await unusedLaoCode(server.db));
          return {
            token: admin,
            query: 'mutation($rows: [LaoImportRow!]!) { importLaos(rows: $rows) { ok } }',
            variables: () => ({
              rows: codes.map((code, i) => ({
                row: String(i + 2),
                code,
                name: `เทศบาลตำบลนำเข้าพร้อมกัน${i}`,
                type: 'เทศบาลตำบล',
                size: 'เล็ก',
                provinceCode: '80',
                districtCode: '8007',
              })),
            }),
          };
        },
        async check() {
          for (const code of codes) expect(await server.db.getRepository(Lao).countBy({ code })).toBe(1);
        },
      } satisfies Scenario;
    })(),
    (() => {
      const username = freshName('imported');
      return {
        name: 'importUsers: the same file imported at once creates the account once',
        callers: HASHING_CALLERS,
        alsoAllowed: ['BAD_USER_INPUT'],
        async prepare() {
          return {
            token: admin,
            query: 'mutation($rows: [UserImportRow!]!) { importUsers(rows: $rows) { ok } }',
            variables: () => ({ rows: [{ row: '2', username, role: 'PROVINCE_OFFICER', provinceCode: '80', password: 'Imported#2567' }] }),
          };
        },
        async check() {
          expect(await server.db.getRepository(User).countBy({ username })).toBe(1);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let own: Lao;
      return {
        name: 'importPlanYears: one row of counts',
        async prepare() {
          own = await makeLao(server.db);
          return {
            token: admin,
            query: 'mutation($rows: [PlanYearImportRow!]!) { importPlanYears(rows: $rows) { ok } }',
            variables: (i) => ({
              rows: [{ row: '2', laoCode: own.code, fiscalYear: '2567', baselineCount: String(30 + i), minimumCount: '10' }],
            }),
          };
        },
        async check() {
          expect(await server.db.getRepository(PlanYear).countBy({ laoCode: own.code })).toBe(1);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let target: User;
      return {
        name: 'setUserDisabled, unlockUser: account administration at once',
        successes: 'all',
        async prepare() {
          target = await makeUser(server.db, Role.PROVINCE_OFFICER);
          return {
            token: admin,
            query: `mutation($u: String!, $d: Boolean!) { setUserDisabled(username: $u, disabled: $d) { disabled } unlockUser(username: $u) { id } }`,
            variables: (i) => ({ u: target.username, d: i % 2 === 0 }),
          };
        },
      } satisfies Scenario;
    })(),
    (() => {
      let target: User;
      return {
        name: 'resetUserPassword, reassignUser: the last change of the account stands',
        callers: HASHING_CALLERS,
        successes: 'all',
        async prepare() {
          target = await makeUser(server.db, Role.PROVINCE_OFFICER);
          return {
            token: admin,
            query: `mutation($u: String!, $r: Boolean!) {
              resetUserPassword(username: $u, newPassword: "ChangedBy#2567") @include(if: $r) { id }
              reassignUser(username: $u, input: { displayName: "เจ้าหน้าที่คนใหม่", newPassword: "Transfer#2567" }) @skip(if: $r) { id } }`,
            variables: (i) => ({ u: target.username, r: i % 2 === 0 }),
          };
        },
      } satisfies Scenario;
    })(),
    (() => {
      let service: User;
      return {
        name: 'createApiToken: each caller gets its own token',
        successes: 'all',
        async prepare() {
          service = await makeUser(server.db, Role.SERVICE);
          return {
            token: admin,
            query: 'mutation($u: String!, $n: String!) { createApiToken(username: $u, name: $n) { secret } }',
            variables: (i) => ({ u: service.username, n: `ระบบที่ ${i}` }),
          };
        },
        async check(results) {
          expect(new Set(results.map((r) => r.data!.createApiToken.secret)).size).toBe(results.length);
        },
      } satisfies Scenario;
    })(),
    {
      name: 'revokeApiToken: revoked once',
      async prepare() {
        const service = await makeUser(server.db, Role.SERVICE);
        const made = await server.gql(CreateApiTokenApiTokenDocument, { u: service.username }, { token: admin });
        const id = made.data!.createApiToken.apiToken.id;
        return { token: admin, query: 'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', variables: () => ({ id }) };
      },
    },
    (() => {
      let service: User;
      return {
        name: 'rotateApiToken: rotated once, one new secret',
        successes: 1,
        async prepare() {
          service = await makeUser(server.db, Role.SERVICE);
          const made = await server.gql(CreateApiTokenApiTokenDocument, { u: service.username }, { token: admin });
          const id = made.data!.createApiToken.apiToken.id;
          return { token: admin, query: 'mutation($id: ID!) { rotateApiToken(id: $id) { secret } }', variables: () => ({ id }) };
        },
        async check() {
          expect(await server.db.getRepository(AuthToken).countBy({ userId: service.id })).toBe(2);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let owner: User;
      return {
        name: 'createWebhook: a system subscribing from many callers at once gets a webhook and a secret for each',
        successes: 'all',
        async prepare() {
          owner = await makeUser(server.db, Role.SERVICE);
          return {
            token: await makeSession(server.db, owner),
            query: 'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { id secret } }',
            variables: (i) => ({ i: { url: `http://127.0.0.1:9/hooks/${i}`, events: ['progressReport.saved'] } }),
          };
        },
        async check(results) {
          expect(new Set(results.map((r) => r.data!.createWebhook.secret)).size).toBe(results.length);
          expect(await server.db.getRepository(Webhook).countBy({ ownerId: owner.id })).toBe(results.length);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let webhook: Webhook;
      return {
        name: 'deleteWebhook: deleted once, with its deliveries; the others find it gone',
        alsoAllowed: ['NOT_FOUND'],
        async prepare() {
          const owner = await makeUser(server.db, Role.SERVICE);
          webhook = await makeWebhook(server.db, owner);
          await makeDelivery(server.db, webhook);
          return {
            token: await makeSession(server.db, owner),
            query: 'mutation($id: ID!) { deleteWebhook(id: $id) }',
            variables: () => ({ id: String(webhook.id) }),
          };
        },
        async check() {
          expect(await server.db.getRepository(Webhook).existsBy({ id: webhook.id })).toBe(false);
          expect(await server.db.getRepository(WebhookDelivery).countBy({ webhookId: webhook.id })).toBe(0);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let deliveryId: number;
      return {
        name: 'redeliverWebhook: replayed by many at once, sent again once from its first attempt',
        successes: 'all',
        async prepare() {
          const owner = await makeUser(server.db, Role.SERVICE);
          const delivery = await makeDelivery(server.db, await makeWebhook(server.db, owner));
          deliveryId = delivery.id;
          return {
            token: await makeSession(server.db, owner),
            query: 'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }',
            variables: () => ({ id: String(delivery.id) }),
          };
        },
        async check() {
          expect(await server.db.getRepository(WebhookDelivery).findOneByOrFail({ id: deliveryId })).toMatchObject({
            status: 'PENDING',
            attempts: 0,
          });
        },
      } satisfies Scenario;
    })(),
    {
      name: 'login: officers sharing one account sign in at once',
      callers: HASHING_CALLERS,
      successes: 'all',
      async prepare() {
        const user = await makeUser(server.db, Role.LAO_OFFICER);
        return {
          query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
          variables: () => ({ u: user.username, p: PASSWORD }),
        };
      },
    },
    {
      name: 'logout: one session signed out by many tabs at once',
      successes: 'all',
      async prepare() {
        const user = await makeUser(server.db, Role.LAO_OFFICER);
        const token = await signIn(server, user.username, PASSWORD);
        return { token, query: 'mutation { logout }', variables: () => ({}) };
      },
    },
    (() => {
      let email: string;
      return {
        name: 'requestPasswordReset: at most three links an hour, whoever asks at once',
        successes: 'all',
        async prepare() {
          email = `${freshName('reset')}@example.go.th`;
          const user = await makeUser(server.db, Role.LAO_OFFICER, { email });
          return {
            query: 'mutation($u: String!, $e: String!) { requestPasswordReset(username: $u, email: $e) }',
            variables: () => ({ u: user.username, e: email }),
          };
        },
        async check() {
          expect(await server.db.getRepository(OutboxMail).countBy({ recipient: email })).toBe(3);
        },
      } satisfies Scenario;
    })(),
    {
      name: 'resetPassword: a link is used once',
      callers: HASHING_CALLERS,
      successes: 1,
      alsoAllowed: ['BAD_USER_INPUT'],
      async prepare() {
        const email = `${freshName('link')}@example.go.th`;
        const user = await makeUser(server.db, Role.LAO_OFFICER, { email });
        await server.gql(RequestPasswordResetDocument, {
          u: user.username,
          e: email,
        });
        const mail = await server.db.getRepository(OutboxMail).findOneByOrFail({ recipient: email });
        const token = decodeURIComponent(/reset-password\?token=([\w%-]+)/.exec(mail.body)![1]);
        return {
          query: 'mutation($t: String!) { resetPassword(token: $t, newPassword: "FromLink#2567") }',
          variables: () => ({ t: token }),
        };
      },
    },
    (() => {
      let userId: number;
      let ids: number[];
      return {
        name: 'markNotificationsRead: one officer’s notices marked read from many tabs, each counted once',
        successes: 'all' as const,
        async prepare() {
          const own = await freshOfficer();
          userId = own.user.id;
          const repo = server.db.getRepository(Notification);
          for (let i = 0; i < 5; i++) {
            await repo.insert({
              userId,
              kind: NotificationKind.DECISION,
              title: `แจ้งผลการพิจารณา ${i + 1}`,
              body: 'ทดสอบการอ่านพร้อมกัน',
              link: null,
              laoCode: own.lao.code,
              fiscalYear: 2567,
              round: null,
              dedupeKey: freshName('read'),
              createdAt: new Date(),
              readAt: null,
            });
          }
          ids = (await repo.findBy({ userId })).map((n) => n.id);
          return {
            token: own.token,
            query: 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { marked unread } }',
            variables: () => ({ ids: ids.map(String) }),
          };
        },
        async check(results) {
          expect(results.reduce((sum, r) => sum + (r.data!.markNotificationsRead.marked as number), 0)).toBe(ids.length);
          expect(await server.db.getRepository(Notification).countBy({ userId, readAt: IsNull() })).toBe(0);
        },
      };
    })(),
    (() => {
      let userId: number;
      return {
        name: 'updateNotificationSettings: one officer’s settings changed from many tabs, kept in one row',
        successes: 'all' as const,
        async prepare() {
          const own = await freshOfficer();
          userId = own.user.id;
          return {
            token: own.token,
            query: 'mutation($e: Boolean!) { updateNotificationSettings(input: { email: $e, deadlineReminders: true }) { email } }',
            variables: (i) => ({ e: i % 2 === 0 }),
          };
        },
        async check() {
          expect(await server.db.getRepository(NotificationSetting).countBy({ userId })).toBe(1);
        },
      };
    })(),
    (() => {
      let userId: number;
      return {
        name: 'linkLineAccount: one officer asking for a LINE code from many tabs: each gets one, the last stays the one valid code',
        successes: 'all' as const,
        async prepare() {
          const own = await freshOfficer();
          userId = own.user.id;
          return { token: own.token, query: 'mutation { linkLineAccount { code expiresAt } }', variables: () => ({}) };
        },
        async check(results) {
          const codes = results.map((r) => r.data!.linkLineAccount.code as string);
          expect(new Set(codes).size).toBe(codes.length);
          const rows = await server.db.getRepository(LineLinkCode).findBy({ userId });
          expect(rows).toHaveLength(1);
          expect(codes.map(linkCodeHash)).toContain(rows[0].codeHash);
        },
      };
    })(),
    (() => {
      let userId: number;
      return {
        name: 'unlinkLineAccount: unlinking from many tabs at once: unlinked, and one tab is told it was linked',
        successes: 'all' as const,
        async prepare() {
          const own = await freshOfficer();
          userId = own.user.id;
          await server.db.getRepository(NotificationSetting).insert({
            userId,
            email: true,
            line: true,
            deadlineReminders: true,
            roundOpened: true,
            lineUserId: `U${'a'.repeat(32)}`,
            updatedAt: new Date(),
          });
          return { token: own.token, query: 'mutation { unlinkLineAccount }', variables: () => ({}) };
        },
        async check(results) {
          expect(results.filter((r) => r.data!.unlinkLineAccount === true)).toHaveLength(1);
          expect((await server.db.getRepository(NotificationSetting).findOneByOrFail({ userId })).lineUserId).toBeNull();
        },
      };
    })(),
    (() => {
      let deliveryId: number;
      return {
        name: 'retryNotificationDelivery: ADMIN retrying one failed delivery from many tabs: it waits to be sent once',
        successes: 'all' as const,
        async prepare() {
          const own = await freshOfficer();
          const notice = await server.db.getRepository(Notification).save({
            userId: own.user.id,
            kind: NotificationKind.DECISION,
            title: 'แจ้งผลการพิจารณา',
            body: 'ทดสอบการส่งซ้ำพร้อมกัน',
            link: null,
            laoCode: own.lao.code,
            fiscalYear: 2567,
            round: null,
            dedupeKey: freshName('retry'),
            createdAt: new Date(),
            readAt: null,
          });
          const delivery = await server.db.getRepository(NotificationDelivery).save({
            notificationId: notice.id,
            channel: NotificationChannel.EMAIL,
            status: NoticeDeliveryStatus.FAILED,
            attempts: 8,
            nextAttemptAt: new Date(),
            leaseOwner: null,
            leaseUntil: null,
            retryKey: null,
            lastError: 'ทดสอบ',
            sentAt: null,
            createdAt: new Date(),
          });
          deliveryId = delivery.id;
          return {
            token: admin,
            query: 'mutation($id: ID!) { retryNotificationDelivery(id: $id) { status } }',
            variables: () => ({ id: String(deliveryId) }),
          };
        },
        async check() {
          expect(await server.db.getRepository(NotificationDelivery).findBy({ id: deliveryId })).toEqual([
            expect.objectContaining({ status: NoticeDeliveryStatus.PENDING, attempts: 0 }),
          ]);
        },
      };
    })(),
    {
      name: 'sendTestNotification: ADMIN pressing "test send" many times: one test notice per press',
      successes: 'all' as const,
      async prepare() {
        const adminUser = await server.db.getRepository(User).findOneByOrFail({ id: adminId });
        await server.db.getRepository(User).update({ id: adminUser.id }, { email: `${freshName('admin')}@example.go.th` });
        await server.db.getRepository(Notification).delete({ userId: adminUser.id, kind: NotificationKind.TEST });
        return { token: admin, query: 'mutation { sendTestNotification(channel: EMAIL) { id status } }', variables: () => ({}) };
      },
      async check(results) {
        expect(new Set(results.map((r) => r.data!.sendTestNotification.id)).size).toBe(results.length);
        expect(await server.db.getRepository(Notification).countBy({ userId: adminId, kind: NotificationKind.TEST })).toBe(results.length);
      },
    },
    (() => {
      let lao: Lao;
      let userId: number;
      return {
        name: 'remindLao: the province office pressing "remind now" at once sends one reminder, the others are told it went today',
        successes: 1,
        async prepare() {
          const own = await freshOfficer();
          lao = own.lao;
          userId = own.user.id;
          await makeProject(server.db, lao, { fiscalYears: [2567] });
          return {
            token: reviewer,
            query: 'mutation($l: String!) { remindLao(laoCode: $l, fiscalYear: 2567, round: TWELVE_MONTHS) { recipients waiting } }',
            variables: () => ({ l: lao.code }),
          };
        },
        async check(results) {
          for (const r of results.filter((x) => x.errors)) {
            expect(r.errors![0].message).toBe('วันนี้ได้ส่งการเตือนถึง อปท. นี้สำหรับรอบนี้แล้ว (ส่งได้วันละ 1 ครั้ง) กรุณาลองใหม่ในวันพรุ่งนี้');
          }
          expect(await server.db.getRepository(ReminderSent).countBy({ laoCode: lao.code })).toBe(1);
          expect(await server.db.getRepository(Notification).countBy({ userId, kind: NotificationKind.MANUAL_REMINDER })).toBe(1);
        },
      };
    })(),
    {
      name: 'updateReminderSchedule: ADMIN saving a round’s schedule from many tabs keeps one schedule',
      successes: 'all',
      async prepare() {
        return {
          token: admin,
          query: 'mutation { updateReminderSchedule(round: TWELVE_MONTHS, days: [21, 14, 7, 1]) { round days } }',
          variables: () => ({}),
        };
      },
      async check(results) {
        for (const r of results) expect(r.data!.updateReminderSchedule.days).toEqual([21, 14, 7, 1]);
      },
    },
    (() => {
      let attachment: Attachment;
      return {
        name: 'setAttachmentPublic: one file published and withdrawn from many tabs at once: each succeeds, each audited',
        successes: 'all',
        async prepare() {
          const own = await freshOfficer();
          attachment = await makeAttachment(server.db, own.lao);
          return {
            token: own.token,
            query: 'mutation($id: ID!, $p: Boolean!) { setAttachmentPublic(id: $id, public: $p) { id public } }',
            variables: (i) => ({ id: String(attachment.id), p: i % 2 === 0 }),
          };
        },
        async check(results) {
          const stored = await server.db.getRepository(Attachment).findOneByOrFail({ id: attachment.id });
          expect(results.map((r) => r.data!.setAttachmentPublic.public)).toContain(stored.isPublic);
          const audited = await server.db
            .getRepository(AuditLog)
            .countBy({ action: 'setAttachmentPublic', targetId: String(attachment.id) });
          expect(audited).toBe(results.length);
        },
      } satisfies Scenario;
    })(),
    (() => {
      let attachment: Attachment;
      return {
        name: 'deleteAttachment: deleted once, its bytes with it; the others find it gone',
        successes: 1,
        alsoAllowed: ['NOT_FOUND'],
        async prepare() {
          const own = await freshOfficer();
          attachment = await makeAttachment(server.db, own.lao, { bytes: pdfOf(200_000) });
          return {
            token: own.token,
            query: 'mutation($id: ID!) { deleteAttachment(id: $id) }',
            variables: () => ({ id: String(attachment.id) }),
          };
        },
        async check() {
          expect(await server.db.getRepository(AttachmentChunk).countBy({ attachmentId: attachment.id })).toBe(0);
          expect(await server.db.getRepository(AuditLog).countBy({ action: 'deleteAttachment', targetId: String(attachment.id) })).toBe(1);
        },
      } satisfies Scenario;
    })(),
    {
      name: 'changePassword: one account changing its password from many tabs',
      callers: HASHING_CALLERS,
      alsoAllowed: ['BAD_USER_INPUT', 'UNAUTHENTICATED'],
      async prepare() {
        const user = await makeUser(server.db, Role.LAO_OFFICER);
        const token = await signIn(server, user.username, PASSWORD);
        return {
          token,
          query: 'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "NewPass#2567") }',
          variables: () => ({ c: PASSWORD }),
        };
      },
    },
  ];

  it('covers every mutation of the schema', async () => {
    const mutations = Object.keys((await getSchema()).getMutationType()!.getFields());
    // A scenario's name starts with the mutations it runs: "setUserDisabled, unlockUser: …".
    const covered = new Set(scenarios.flatMap((s) => s.name.split(':')[0].split(', ')));
    expect(mutations.filter((m) => !covered.has(m))).toEqual([]);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const { query, variables, token } = await scenario.prepare();
    const callers = scenario.callers ?? CALLERS;
    const health = watchHealth(server.url);
    const results = await Promise.all(Array.from({ length: callers }, (_, i) => server.gql(query, variables(i), { token })));
    const healthChecks = await health.stop();

    const allowed = new Set(['CONFLICT', ...(scenario.alsoAllowed ?? [])]);
    const unexpected = results.filter((r) => r.errors && !allowed.has(codeOf(r) ?? ''));
    expect(unexpected.map((r) => ({ status: r.status, errors: r.errors }))).toEqual([]);
    for (const r of results.filter((x) => x.errors)) expect(r.errors![0].message).toMatch(/[\u0E00-\u0E7F]/);
    const succeeded = results.filter((r) => !r.errors).length;
    if (scenario.successes === 'all') expect(succeeded).toBe(callers);
    else if (scenario.successes !== undefined) expect(succeeded).toBe(scenario.successes);
    else expect(succeeded).toBeGreaterThanOrEqual(1);
    expect(healthChecks.failures).toEqual([]);
    expect(healthChecks.answered).toBeGreaterThan(0);
    await scenario.check?.(results);
  });

  it(`POST /attachments: ${CALLERS} uploads of one LAO at once near its quota: each kept whole or refused, never beyond the quota (${dbName})`, async () => {
    // The same database behind a server whose quota is 1 MB: ten files of 100 KB fit, the eleventh does not.
    const small = await TestServer.start(url(), { db: server.db, env: { ATTACHMENT_QUOTA_MB: '1' } });
    try {
      const own = await freshOfficer();
      const files = Array.from({ length: CALLERS }, (_, i) => pdfOf(100 * 1024 - i));
      const health = watchHealth(small.url);
      const started = Date.now();
      const results = await Promise.all(
        files.map((bytes, i) =>
          uploadFile(
            small.url,
            { token: own.token },
            { laoCode: own.lao.code, fiscalYear: '2567' },
            { bytes, name: `หลักฐานที่ ${i + 1}.pdf` },
          ),
        ),
      );
      const ms = Date.now() - started;
      const checks = await health.stop();
      const refused = results.filter((r) => r.status !== 200);
      expect(refused.map((r) => [r.status, r.body?.reason])).toEqual(refused.map(() => [413, 'OVER_QUOTA']));
      for (const r of refused) expect(r.body!.message).toMatch(/[\u0E00-\u0E7F]/);
      const kept = await server.db.getRepository(Attachment).findBy({ laoCode: own.lao.code });
      // As many as fit, whichever came first: 10 of 100 KB (less a few bytes each) in 1 MB.
      expect(kept.length).toBe(10);
      expect(
        results
          .filter((r) => r.status === 200)
          .map((r) => Number(r.body!.id))
          .sort(),
      ).toEqual(kept.map((a) => a.id).sort());
      expect(kept.reduce((n, a) => n + a.size, 0)).toBeLessThanOrEqual(1024 * 1024);
      // Each kept whole: its rows hold its bytes exactly.
      for (const a of kept) {
        const chunks = await server.db.getRepository(AttachmentChunk).find({ where: { attachmentId: a.id }, order: { seq: 'ASC' } });
        const bytes = Buffer.concat(chunks.map((c) => Buffer.from(c.data)));
        expect(bytes.equals(files[Number(/\d+/.exec(a.fileName)![0]) - 1])).toBe(true);
      }
      // And nothing of the refused ones.
      const orphans = await server.db.query(
        'SELECT COUNT(*) AS n FROM attachment_chunk c LEFT JOIN attachment a ON a.id = c.attachment_id WHERE a.id IS NULL',
      );
      expect(Number(orphans[0].n)).toBe(0);
      expect(checks.failures).toEqual([]);
      console.log(`${CALLERS} uploads of 100 KB at once near the quota (${dbName}): ${ms} ms`);
    } finally {
      await small.stop(false);
    }
  });

  it(`answers a mixed surge of 100 mutations of many LAOs, with /healthz answering throughout (${dbName})`, async () => {
    const officers = await Promise.all(Array.from({ length: 10 }, () => freshOfficer()));
    const projects = await Promise.all(officers.map((o) => makeProject(server.db, o.lao, { fiscalYears: [2567], budget: 2_000_000 })));
    const health = watchHealth(server.url);
    // Each LAO gets two calls of each of the five kinds.
    const calls = Array.from({ length: 100 }, (_, i) => {
      const o = officers[i % officers.length];
      const project = projects[i % officers.length];
      switch (Math.floor(i / officers.length) % 5) {
        case 0:
          return server.gql(
            SaveProgressReportIdDocument,
            {
              input: {
                projectId: String(project.id),
                fiscalYear: 2567,
                round: 'SIX_MONTHS',
                inOrdinance: true,
                ordinanceBudget: '20000.00',
                disbursed: `${i}.50`,
                status: 'DONE',
              },
            },
            { token: o.token },
          );
        case 1:
          return server.gql(
            UpdateProjectIdDocument,
            { id: String(project.id), input: PROJECT_INPUT(`แก้ไขพร้อมกัน ${i}`) },
            { token: o.token },
          );
        case 2:
          return server.gql(UpdateLaoProfileCodeDocument, { l: o.lao.code, input: { size: 'LARGE', population: i } }, { token: o.token });
        case 3:
          return server.gql(SetAwardsKindDocument, { l: o.lao.code }, { token: o.token });
        default:
          return server.gql(CreateProjectIdDocument, { l: o.lao.code, input: PROJECT_INPUT(`เพิ่มพร้อมกัน ${i}`) }, { token: o.token });
      }
    });
    const results = await Promise.all(calls);
    const checks = await health.stop();
    expect(results.filter((r) => r.errors && codeOf(r) !== 'CONFLICT').map((r) => r.errors)).toEqual([]);
    // Of the two updates of each project's version 1, one wins; every other call succeeds.
    expect(results.filter((r) => r.errors).length).toBe(officers.length);
    expect(checks.failures).toEqual([]);
    const audited = await server.db
      .getRepository(AuditLog)
      .createQueryBuilder('a')
      .where('a.lao_code IN (:...codes)', { codes: officers.map((o) => o.lao.code) })
      .andWhere("a.action <> 'login'")
      .getCount();
    // Every success wrote its audit row (a six-month DONE writes a second one for its carried copy).
    expect(audited).toBe(results.filter((r) => !r.errors).length + 20);
  });
});

describe.each(databases.filter((d) => d.name === 'mariadb'))('a pool with every connection taken ($name)', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url(), { env: { DB_POOL_SIZE: '2', DB_POOL_TIMEOUT_MS: '300' } });
  });
  afterAll(() => server.stop());

  const provinces = () => server.gql(ProvincesDocument);

  it('every pooled connection reads committed data in a transaction, and a snapshot only when asked for one', async () => {
    const name = `test:isolation:${Math.random()}`;
    await server.db.query('INSERT INTO write_lock (name, taken) VALUES (?, 0)', [name]);
    // What a transaction reads of a row before and after another connection commits a change to it.
    const reads = (snapshot: boolean) =>
      inTransaction(
        server.db,
        async (em) => {
          const read = async () => Number((await em.query('SELECT taken FROM write_lock WHERE name = ?', [name]))[0].taken);
          const before = await read();
          await server.db.query('UPDATE write_lock SET taken = taken + 1 WHERE name = ?', [name]);
          return [before, await read()];
        },
        { snapshot },
      );
    // The pool's two connections take turns at the transaction and at the change.
    expect(await reads(false)).toEqual([0, 1]);
    expect(await reads(false)).toEqual([1, 2]);
    expect(await reads(true)).toEqual([2, 2]);
    // A snapshot is for its own transaction only.
    expect(await reads(false)).toEqual([3, 4]);
    expect(await reads(false)).toEqual([4, 5]);
    await server.db.query('DELETE FROM write_lock WHERE name = ?', [name]);
  });

  it('answers "busy" in Thai with 503 and Retry-After while every connection is taken, and recovers by itself', async () => {
    const held = [server.db.createQueryRunner(), server.db.createQueryRunner()];
    await Promise.all(held.map((r) => r.connect()));
    try {
      const busy = await provinces();
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('5');
      expect(busy.errors![0]).toMatchObject({ message: expect.stringContaining('ระบบไม่ว่าง'), extensions: { code: 'SERVICE_UNAVAILABLE' } });
      // The instance is alive and its database reachable: a load balancer keeps it.
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', database: 'busy' });
    } finally {
      await Promise.all(held.map((r) => r.release()));
    }
    const again = await provinces();
    expect(again.status).toBe(200);
    expect(again.data!.provinces).toHaveLength(77);
  });

  it('a surge of 60 mutations on a pool of two: each succeeds or is told the system is busy, and the pool recovers', async () => {
    const a = await makeUser(server.db, Role.LAO_OFFICER);
    const token = await signIn(server, a.username, PASSWORD);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        server.gql(UpdateLaoProfileCodeDocument, { l: a.laoCode, input: { size: 'SMALL', population: i } }, { token }),
      ),
    );
    expect(results.filter((r) => r.errors && codeOf(r) !== 'SERVICE_UNAVAILABLE').map((r) => r.errors)).toEqual([]);
    expect(results.filter((r) => !r.errors).length).toBeGreaterThan(0);
    expect((await provinces()).status).toBe(200);
  });
});

/** Polls /healthz every 25 ms while a test runs; every answer must be 200 within five seconds. */
function watchHealth(url: string) {
  const failures: string[] = [];
  let answered = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
        if (res.status !== 200) failures.push(`status ${res.status}`);
        else answered++;
      } catch (err) {
        failures.push(String(err));
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { failures, answered };
    },
  };
}
