import { Role } from '../../server/src/modules/access/role';
import { BaselineRequest } from '../../server/src/modules/baseline-request/baseline-request.entity';
import { PlanYear } from '../../server/src/modules/plan-year/plan-year.entity';
import { ProjectYear } from '../../server/src/modules/project/project-year.entity';
import { Project } from '../../server/src/modules/project/project.entity';
import { PlanStatus, ProjectOrigin } from '../../server/src/modules/plan/project.enums';
import { WorkStatus } from '../../server/src/modules/plan/report.enums';
import { countStatements, makeLao, makePlanYear, makeProject, makeReport, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';
import {
  ApproveManyDocument,
  BaselineYearsDocument,
  CancelBaselineRequestDocument,
  ProvinceScoresDocument,
  RequestBaselineChangeDocument,
  ReviewBaselineRequestDocument,
  ReviewProjectAdditionDocument,
  ReviewQueueAdditionsBaselineRequestsDocument,
  ReviewQueueAdditionsDocument,
  ReviewQueueAdditionsReductionsDocument,
  ReviewQueueDocument,
  ReviewProjectReductionDocument,
  SetProjectComplianceDocument,
  ReviewQueueOfDistrictDocument,
  ProvinceScoresOfDistrictDocument,
  SixMonthScoreDocument,
  type ReviewProjectAdditionMutationVariables,
} from '../gql/graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

const P = PlanStatus;
/** The three decisions on a project's year take the same variables and answer the same fields. */
type Decision = TypedDocumentNode<
  Record<string, { planStatus: string; reviewReason: string | null; counted: boolean }>,
  ReviewProjectAdditionMutationVariables
>;
const ADDITION: Decision = ReviewProjectAdditionDocument;
const REDUCTION: Decision = ReviewProjectReductionDocument;
const COMPLIANCE: Decision = SetProjectComplianceDocument;

describe.each(databases)('review, baseline requests and province scores ($name)', ({ url }) => {
  let server: TestServer;
  let reviewer: string;
  let admin: string;
  beforeAll(async () => {
    server = await TestServer.start(url());
    reviewer = await signIn(server, (await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '80' })).username, PASSWORD);
    admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
  });
  afterAll(() => server.stop());

  it.each([
    // [mutation, from, approve/compliant, reason, to, counted in the year's plan after it]
    [ADDITION, P.ADD_PENDING, true, null, P.COMPLIANT, true],
    [ADDITION, P.ADD_PENDING, false, 'ไม่สอดคล้องกับมิติ', P.ADD_REJECTED, false],
    [REDUCTION, P.REDUCE_PENDING, true, null, P.REDUCED, false],
    [REDUCTION, P.REDUCE_PENDING, false, 'ยังจำเป็นต้องดำเนินการ', P.REDUCE_REJECTED, true],
    [COMPLIANCE, P.COMPLIANT, false, 'ไม่ใช่โครงการป้องกันการทุจริต', P.NON_COMPLIANT, false],
    [COMPLIANCE, P.NON_COMPLIANT, true, null, P.COMPLIANT, true],
  ])('%#: moves a project from %s to the decided standing', async (mutation, from, decision, reason, to, counted) => {
    const lao = await makeLao(server.db);
    const project = await makeProject(server.db, lao, {
      planStatus: from,
      origin: from === P.ADD_PENDING ? ProjectOrigin.ADDITIONAL : ProjectOrigin.PLANNED,
    });
    const res = await server.gql(mutation, { id: String(project.id), y: 2567, a: decision, r: reason }, { token: reviewer });
    expect(res.errors).toBeUndefined();
    expect(Object.values(res.data!)[0]).toEqual({ planStatus: to, reviewReason: reason, counted });
  });

  it.each([
    [ADDITION, P.COMPLIANT, true],
    [ADDITION, P.ADD_REJECTED, true],
    [ADDITION, P.REDUCE_PENDING, false],
    [REDUCTION, P.COMPLIANT, true],
    [REDUCTION, P.REDUCED, false],
    [COMPLIANCE, P.ADD_PENDING, false],
    [COMPLIANCE, P.REDUCED, true],
  ])('%#: refuses an illegal move from %s with CONFLICT and changes nothing', async (mutation, from, decision) => {
    const lao = await makeLao(server.db);
    const project = await makeProject(server.db, lao, { planStatus: from });
    const res = await server.gql(mutation, { id: String(project.id), y: 2567, a: decision, r: 'เหตุผล' }, { token: reviewer });
    expect(codeOf(res)).toBe('CONFLICT');
    expect((await server.db.getRepository(ProjectYear).findOneByOrFail({ projectId: project.id })).planStatus).toBe(from);
  });

  it.each([
    [ADDITION, P.ADD_PENDING],
    [REDUCTION, P.REDUCE_PENDING],
    [COMPLIANCE, P.COMPLIANT],
  ])('%#: a rejection or non-compliance needs a reason', async (mutation, from) => {
    const project = await makeProject(server.db, await makeLao(server.db), { planStatus: from });
    const res = await server.gql(mutation, { id: String(project.id), y: 2567, a: false, r: '  ' }, { token: reviewer });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toEqual([{ field: 'reason', message: 'กรุณาระบุเหตุผล' }]);
  });

  it('a province officer can never see or decide another province’s items, whatever ids it sends', async () => {
    const krabi = await makeLao(server.db, { provinceCode: '81', districtCode: '8103' });
    const project = await makeProject(server.db, krabi, { planStatus: P.ADD_PENDING, origin: ProjectOrigin.ADDITIONAL });
    const request = await server.db.getRepository(BaselineRequest).save({
      laoCode: krabi.code,
      fiscalYear: 2567,
      currentCount: 1,
      requestedCount: 2,
      status: 'PENDING' as never,
      reason: null,
      requestedBy: null,
      requestedAt: new Date(),
      decidedBy: null,
      decidedAt: null,
    });
    expect(codeOf(await server.gql(ReviewProjectAdditionDocument, { id: String(project.id), y: 2567, a: true }, { token: reviewer }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await server.gql(ReviewBaselineRequestDocument, { id: String(request.id), a: true }, { token: reviewer }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await server.gql(ReviewQueueDocument, {}, { token: reviewer }))).toBe('FORBIDDEN');
    const own = await server.gql(ReviewQueueAdditionsBaselineRequestsDocument, {}, { token: reviewer });
    expect(
      [...own.data!.reviewQueue.additions, ...own.data!.reviewQueue.baselineRequests].every(
        (x: { lao: { provinceCode: string } }) => x.lao.provinceCode === '80',
      ),
    ).toBe(true);
    expect(codeOf(await server.gql(ProvinceScoresDocument, {}, { token: reviewer }))).toBe('FORBIDDEN');
    const lao = await makeUser(server.db, Role.LAO_OFFICER);
    const laoToken = await signIn(server, lao.username, PASSWORD);
    expect(codeOf(await server.gql(ReviewQueueAdditionsDocument, {}, { token: laoToken }))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(ReviewProjectAdditionDocument, { id: String(project.id), y: 2567, a: true }, { token: laoToken }))).toBe(
      'FORBIDDEN',
    );
    expect((await server.db.getRepository(ProjectYear).findOneByOrFail({ projectId: project.id })).planStatus).toBe(P.ADD_PENDING);
  });

  it('the queue lists additions, reductions and baseline requests of the province, filterable by district and kind', async () => {
    const lao = await makeLao(server.db, { provinceCode: '80', districtCode: '8001' });
    const added = await makeProject(server.db, lao, { planStatus: P.ADD_PENDING, origin: ProjectOrigin.ADDITIONAL });
    const reduced = await makeProject(server.db, lao, { planStatus: P.REDUCE_PENDING });
    const res = await server.gql(ReviewQueueOfDistrictDocument, {}, { token: reviewer });
    expect(res.data!.reviewQueue.additions).toContainEqual({ project: { id: String(added.id) } });
    expect(res.data!.reviewQueue.reductions).toContainEqual({ project: { id: String(reduced.id) } });
    const onlyReductions = await server.gql(ReviewQueueAdditionsReductionsDocument, {}, { token: reviewer });
    expect(onlyReductions.data!.reviewQueue.additions).toEqual([]);
  });

  it('approves many at once, all or none', async () => {
    const lao = await makeLao(server.db);
    const a = await makeProject(server.db, lao, { planStatus: P.ADD_PENDING, origin: ProjectOrigin.ADDITIONAL });
    const b = await makeProject(server.db, lao, { planStatus: P.REDUCE_PENDING });
    const c = await makeProject(server.db, lao, { planStatus: P.COMPLIANT });
    const bad = await server.gql(
      ApproveManyDocument,
      {
        items: [
          { kind: 'ADDITION', projectId: String(a.id), fiscalYear: 2567 },
          { kind: 'REDUCTION', projectId: String(c.id), fiscalYear: 2567 },
        ],
      },
      { token: reviewer },
    );
    expect(codeOf(bad)).toBe('CONFLICT');
    expect((await server.db.getRepository(ProjectYear).findOneByOrFail({ projectId: a.id })).planStatus).toBe(P.ADD_PENDING);
    const ok = await server.gql(
      ApproveManyDocument,
      {
        items: [
          { kind: 'ADDITION', projectId: String(a.id), fiscalYear: 2567 },
          { kind: 'REDUCTION', projectId: String(b.id), fiscalYear: 2567 },
        ],
      },
      { token: reviewer },
    );
    expect(ok.data).toEqual({ approveMany: 2 });
    const statuses = await server.db.getRepository(ProjectYear).findBy({ laoCode: lao.code });
    expect(statuses.map((y) => [y.projectId, y.planStatus]).sort()).toEqual(
      [
        [a.id, P.COMPLIANT],
        [b.id, P.REDUCED],
        [c.id, P.COMPLIANT],
      ].sort(),
    );
  });

  describe('baseline requests (ขอเพิ่ม/ลดโครงการ)', () => {
    async function lao() {
      const user = await makeUser(server.db, Role.LAO_OFFICER);
      const laoRow = await server.db.getRepository('Lao').findOneByOrFail({ code: user.laoCode! });
      for (let i = 0; i < 3; i++) await makeProject(server.db, laoRow as never, { fiscalYears: [2567] });
      return { code: user.laoCode!, token: await signIn(server, user.username, PASSWORD) };
    }

    it('ask, reject with a reason, see it, send again, approve: the baseline changes', async () => {
      const { code, token } = await lao();
      const years = (await server.gql(BaselineYearsDocument, { l: code }, { token })).data!.baselineYears;
      expect(years).toEqual(
        expect.arrayContaining([
          { fiscalYear: 2566, baselineCount: 0, createdCount: 0, standing: null, canRequest: false, latestRequest: null },
          { fiscalYear: 2567, baselineCount: 3, createdCount: 3, standing: null, canRequest: true, latestRequest: null },
        ]),
      );
      const first = (await server.gql(RequestBaselineChangeDocument, { l: code, y: 2567, n: 2 }, { token })).data!.requestBaselineChange;
      expect(first).toMatchObject({ status: 'PENDING', currentCount: 3, requestedCount: 2 });
      expect(codeOf(await server.gql(RequestBaselineChangeDocument, { l: code, y: 2567, n: 1 }, { token }))).toBe('CONFLICT');
      expect(codeOf(await server.gql(ReviewBaselineRequestDocument, { id: first.id, a: false, r: '' }, { token: reviewer }))).toBe(
        'BAD_USER_INPUT',
      );
      const rejected = await server.gql(ReviewBaselineRequestDocument, { id: first.id, a: false, r: 'เท่ากับของเดิม' }, { token: reviewer });
      expect(rejected.data!.reviewBaselineRequest).toMatchObject({ status: 'REJECTED', reason: 'เท่ากับของเดิม' });
      let y2567 = (await server.gql(BaselineYearsDocument, { l: code }, { token })).data!.baselineYears.find(
        (y: { fiscalYear: number }) => y.fiscalYear === 2567,
      );
      expect(y2567).toMatchObject({
        standing: 'REJECTED',
        latestRequest: { status: 'REJECTED', reason: 'เท่ากับของเดิม', requestedCount: 2 },
      });

      const again = (await server.gql(RequestBaselineChangeDocument, { l: code, y: 2567, n: 1 }, { token })).data!.requestBaselineChange;
      expect(codeOf(await server.gql(ReviewBaselineRequestDocument, { id: first.id, a: true }, { token: reviewer }))).toBe('CONFLICT');
      expect(
        (await server.gql(ReviewBaselineRequestDocument, { id: again.id, a: true }, { token: reviewer })).data!.reviewBaselineRequest
          .status,
      ).toBe('APPROVED');
      y2567 = (await server.gql(BaselineYearsDocument, { l: code }, { token })).data!.baselineYears.find(
        (y: { fiscalYear: number }) => y.fiscalYear === 2567,
      );
      expect(y2567).toMatchObject({ baselineCount: 1, standing: null });
      expect((await server.db.getRepository(PlanYear).findOneByOrFail({ laoCode: code, fiscalYear: 2567 })).baselineCount).toBe(1);
      const history = await server.db.getRepository(BaselineRequest).find({ where: { laoCode: code }, order: { id: 'ASC' } });
      expect(history.map((r) => [r.status, r.requestedCount, r.decidedBy !== null])).toEqual([
        ['REJECTED', 2, true],
        ['APPROVED', 1, true],
      ]);
    });

    it.each([
      ['cancel a pending request', 'PENDING', 'cancel', null, 'CANCELLED'],
      ['cancel a rejected request', 'REJECTED', 'cancel', null, 'CANCELLED'],
      ['approve a cancelled request', 'CANCELLED', 'approve', 'CONFLICT', null],
      ['reject an approved request', 'APPROVED', 'reject', 'CONFLICT', null],
      ['cancel an approved request', 'APPROVED', 'cancel', 'CONFLICT', null],
      ['approve an approved request', 'APPROVED', 'approve', 'CONFLICT', null],
    ])('%s', async (_case, from, action, error, to) => {
      const { code, token } = await lao();
      const request = await server.db.getRepository(BaselineRequest).save({
        laoCode: code,
        fiscalYear: 2567,
        currentCount: 3,
        requestedCount: 2,
        status: from as never,
        reason: null,
        requestedBy: null,
        requestedAt: new Date(),
        decidedBy: null,
        decidedAt: null,
      });
      const res =
        action === 'cancel'
          ? await server.gql(CancelBaselineRequestDocument, { id: String(request.id) }, { token })
          : await server.gql(
              ReviewBaselineRequestDocument,
              { id: String(request.id), a: action === 'approve', r: 'เหตุผล' },
              { token: reviewer },
            );
      if (error) expect(codeOf(res)).toBe(error);
      else expect(res.errors).toBeUndefined();
      expect((await server.db.getRepository(BaselineRequest).findOneByOrFail({ id: request.id })).status).toBe(to ?? from);
    });

    it('a non-compliance mark lowers the score, never the baseline it is measured against', async () => {
      const { code, token } = await lao();
      const [marked] = await server.db.getRepository(Project).findBy({ laoCode: code });
      await makeReport(server.db, marked, { status: WorkStatus.DONE });
      const baseline = async () =>
        (await server.gql(BaselineYearsDocument, { l: code }, { token })).data!.baselineYears.find((y) => y.fiscalYear === 2567)!
          .baselineCount;
      const score = async () =>
        (await server.gql(SixMonthScoreDocument, { l: code }, { token })).data!.laoDashboard.rounds.find((r) => r.round === 'SIX_MONTHS')!
          .score;
      expect([await baseline(), await score()]).toEqual([3, 33.33]);
      const res = await server.gql(
        COMPLIANCE,
        { id: String(marked.id), y: 2567, a: false, r: 'ไม่ใช่โครงการป้องกันการทุจริต' },
        { token: reviewer },
      );
      expect(res.errors).toBeUndefined();
      // Its DONE no longer counts; the plan it is measured against is still the three planned projects.
      expect([await baseline(), await score()]).toEqual([3, 0]);
    });

    it('refuses a total equal to the baseline it has ("เท่ากับของเดิม"), under the field, storing nothing', async () => {
      const { code, token } = await lao();
      const res = await server.gql(RequestBaselineChangeDocument, { l: code, y: 2567, n: 3 }, { token });
      const message = 'จำนวนที่ขอปรับ 3 โครงการ เท่ากับจำนวนโครงการตั้งต้นเดิม จึงไม่ต้องขอปรับ (กรอกจำนวนที่ต่างจากเดิม)';
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toBe(message);
      expect(res.errors![0].extensions!.fields).toEqual([{ field: 'requestedCount', message }]);
      expect(await server.db.getRepository(BaselineRequest).countBy({ laoCode: code })).toBe(0);
      const y2567 = (await server.gql(BaselineYearsDocument, { l: code }, { token })).data!.baselineYears.find(
        (y: { fiscalYear: number }) => y.fiscalYear === 2567,
      );
      expect(y2567).toMatchObject({ baselineCount: 3, standing: null, latestRequest: null });
      // Once NACC has set the baseline, that is the number a request must differ from.
      await makePlanYear(server.db, { laoCode: code, fiscalYear: 2567, baselineCount: 5, minimumCount: null } as PlanYear);
      expect((await server.gql(RequestBaselineChangeDocument, { l: code, y: 2567, n: 5 }, { token })).errors![0].message).toContain(
        'จำนวนที่ขอปรับ 5 โครงการ เท่ากับจำนวนโครงการตั้งต้นเดิม',
      );
      const sent = await server.gql(RequestBaselineChangeDocument, { l: code, y: 2567, n: 3 }, { token });
      expect(sent.data!.requestBaselineChange).toMatchObject({ status: 'PENDING', currentCount: 5, requestedCount: 3 });
    });

    it('refuses past years and numbers that are not whole and ≥ 0', async () => {
      const { code, token } = await lao();
      expect((await server.gql(RequestBaselineChangeDocument, { l: code, y: 2566, n: 2 }, { token })).errors![0].message).toBe(
        'ไม่สามารถเพิ่ม/ลดโครงการได้ (ปีงบประมาณที่ผ่านมาแล้ว)',
      );
      expect((await server.gql(RequestBaselineChangeDocument, { l: code, y: 2567, n: -1 }, { token })).errors![0].message).toBe(
        'จำนวนโครงการตั้งต้นต้องเป็นจำนวนเต็ม 0–10,000',
      );
      expect(codeOf(await server.gql(RequestBaselineChangeDocument, { l: code, y: 2567, n: 1.5 }, { token }))).toBe('BAD_USER_INPUT');
    });
  });

  it('the province table: hand-computed scores and levels, over 100 shown raw, constant SQL statements', async () => {
    // A district of its own, so other tests' LAOs do not enter the table.
    const district = '8013';
    const run = Date.now().toString(36);
    const make = async (name: string, planned: number, done: number, inProgress: number, baseline?: number) => {
      const lao = await makeLao(server.db, { name: `${name} ${run}`, provinceCode: '80', districtCode: district });
      for (let i = 0; i < planned; i++) {
        const p = await makeProject(server.db, lao, { fiscalYears: [2567] });
        if (i < done) await makeReport(server.db, p, { status: WorkStatus.DONE });
        else if (i < done + inProgress) await makeReport(server.db, p, { status: WorkStatus.IN_PROGRESS });
      }
      if (baseline) await makePlanYear(server.db, { laoCode: lao.code, fiscalYear: 2567, baselineCount: baseline, minimumCount: null });
    };
    await make('องค์การบริหารส่วนตำบลก', 7, 3, 2); // (3 + 1) / 7 = 57.14 HIGH
    await make('องค์การบริหารส่วนตำบลข', 5, 1, 0); // 1 / 5 = 20.00 LOW (MEDIUM needs more than 20)
    await make('เทศบาลตำบลค', 6, 6, 0, 4); // 6 / 4 = 150.00 → capped 100.00 HIGH
    await make('องค์การบริหารส่วนตำบลง', 3, 1, 0); // 33.33 MEDIUM
    const { result, statements } = await countStatements(server.db, () =>
      server.gql(ProvinceScoresOfDistrictDocument, {}, { token: reviewer }),
    );
    // Earlier runs on a kept database may have left LAOs in the district: look at this run's.
    const ours = (rows: Array<{ lao: { name: string } }>) =>
      rows.filter((r) => r.lao.name.endsWith(run)).map((r) => ({ ...r, lao: { name: r.lao.name.replace(` ${run}`, '') } }));
    expect(ours(result.data!.provinceScores.rows)).toEqual([
      { lao: { name: 'เทศบาลตำบลค' }, districtName: 'ร่อนพิบูลย์', score: 150, cappedScore: 100, level: 'HIGH' },
      { lao: { name: 'องค์การบริหารส่วนตำบลก' }, districtName: 'ร่อนพิบูลย์', score: 57.14, cappedScore: 57.14, level: 'HIGH' },
      { lao: { name: 'องค์การบริหารส่วนตำบลข' }, districtName: 'ร่อนพิบูลย์', score: 20, cappedScore: 20, level: 'LOW' },
      { lao: { name: 'องค์การบริหารส่วนตำบลง' }, districtName: 'ร่อนพิบูลย์', score: 33.33, cappedScore: 33.33, level: 'MEDIUM' },
    ]);
    const all = result.data!.provinceScores;
    expect(all.high + all.medium + all.low).toBe(all.rows.length);
    await make('องค์การบริหารส่วนตำบลจ', 9, 2, 2);
    const more = await countStatements(server.db, () => server.gql(ProvinceScoresOfDistrictDocument, {}, { token: reviewer }));
    expect(ours(more.result.data!.provinceScores.rows)).toHaveLength(5);
    expect(more.statements.length).toBe(statements.length);
    const pdf = await fetch(`${server.url}/export/province.pdf?province=80&year=2567&round=SIX_MONTHS&district=8013`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(pdf.status).toBe(200);
  });
});
