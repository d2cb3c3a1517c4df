import { Role } from '../../server/src/modules/access/role';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import type { Lao } from '../../server/src/modules/lao/lao.entity';
import { ReportRound, WorkStatus } from '../../server/src/modules/plan/report.enums';
import { ProgressReport } from '../../server/src/modules/progress-report/progress-report.entity';
import { ReportWarning } from '../../server/src/modules/progress-report/report-warnings';
import { RedFlagDecision } from '../../server/src/modules/red-flag/red-flag-decision.entity';
import { ReportingWindow } from '../../server/src/modules/reporting-window/reporting-window.entity';
import { LaoYearFigures } from '../../server/src/modules/scoring/lao-year-figures.entity';
import { countStatements, makeLao, makeProject, makeReport, makeUser, PASSWORD } from '../fixtures/factories';
import {
  AuditTrailDocument,
  RedFlagDismissDocument,
  RedFlagFollowUpDocument,
  RedFlagReportsDocument,
  RedFlagSaveReportDocument,
  RedFlagScoresDocument,
  RedFlagsOfRoundDocument,
  type ProgressReportInput,
  type RedFlagsOfRoundQuery,
} from '../gql/graphql';
import { codeOf, databases, signIn, TestServer } from './harness';

/**
 * Plausibility warnings and the ควรตรวจสอบ queue. A report whose figures are unlikely is saved only once the
 * LAO confirms its warnings (refused with the Thai list otherwise, nothing stored); the province office
 * sees, for a round, every LAO a rule flags — confirmed warnings, every project done at six months, every
 * report in the last minutes, a score far above last year and the province, the same plan or note as
 * another LAO — with the evidence, and follows each up or dismisses it with a note. Flags never move a score.
 *
 * The scenario lives in Yala (95), which no other suite uses; its names carry this run's tag, so that on the
 * shared MariaDB database earlier runs' LAOs of the province share no plan or note with this run's.
 */
const PROVINCE = '95';
const YEAR = 2567;
/** A year and round whose window no other suite sets: the last-minute scenario closes it. */
const LATE_YEAR = 2569;
const CLOSE = new Date('2026-09-30T10:00:00Z');

type Flag = RedFlagsOfRoundQuery['redFlags'][number];

describe.each(databases)('plausibility warnings and red flags ($name)', ({ name, url }) => {
  let server: TestServer;
  let officer: string;
  let officerName: string;
  let tag: string;
  const laos = {} as Record<'warn' | 'done' | 'copy1' | 'copy2' | 'quiet' | 'late', Lao>;
  let warnProject: { id: number; name: string };
  let notedProjects: string[];
  let note: string;

  const flagsOf = async (fiscalYear: number, round: ReportRound, token = officer) => {
    const res = await server.gql(RedFlagsOfRoundDocument, { p: PROVINCE, y: fiscalYear, r: round }, { token });
    expect(res.errors).toBeUndefined();
    const ours = new Set(Object.values(laos).map((l) => l.code));
    return res.data!.redFlags.filter((f) => ours.has(f.lao.code));
  };
  const findFlag = (flags: Flag[], rule: string, lao: Lao) => flags.find((f) => f.rule === rule && f.lao.code === lao.code)!;
  /** ไม่มีประเด็น or ติดตามตรวจสอบ, by the token given: the answer's errors are what the tests read. */
  const decide = (action: 'DISMISS' | 'FOLLOW_UP', id: string, note: string, token: string) =>
    action === 'DISMISS'
      ? server.gql(RedFlagDismissDocument, { id, note }, { token })
      : server.gql(RedFlagFollowUpDocument, { id, note }, { token });

  beforeAll(async () => {
    server = await TestServer.start(url());
    const db = server.db;
    tag = Math.random().toString(36).slice(2, 7);
    const place = (district: string, label: string) =>
      makeLao(db, { provinceCode: PROVINCE, districtCode: district, name: `องค์การบริหารส่วนตำบล${label}${tag}` });
    laos.warn = await place('9501', 'ยืนยัน');
    laos.done = await place('9501', 'เสร็จหมด');
    laos.copy1 = await place('9501', 'สำเนาหนึ่ง');
    laos.copy2 = await place('9501', 'สำเนาสอง');
    laos.quiet = await place('9501', 'ปกติ');
    laos.late = await place('9502', 'นาทีสุดท้าย');
    const reviewer = await makeUser(db, Role.PROVINCE_OFFICER, { provinceCode: PROVINCE });
    officerName = reviewer.displayName;
    officer = await signIn(server, reviewer.username, PASSWORD);

    // A report saved through the form with a warning the LAO confirmed.
    const lao = await makeUser(db, Role.LAO_OFFICER, { lao: laos.warn });
    const project = await makeProject(db, laos.warn, { name: `โครงการจัดซื้อ${tag}`, budget: 5_000_000, fiscalYears: [YEAR] });
    warnProject = { id: project.id, name: project.name };
    const saved = await server.gql(
      RedFlagSaveReportDocument,
      {
        input: {
          projectId: String(project.id),
          fiscalYear: YEAR,
          round: 'SIX_MONTHS',
          inOrdinance: true,
          ordinanceBudget: '40000',
          disbursed: '45000',
          status: 'IN_PROGRESS',
          confirmedWarnings: ['DISBURSED_ABOVE_ORDINANCE'],
        },
      },
      { token: await signIn(server, lao.username, PASSWORD) },
    );
    expect(saved.errors).toBeUndefined();

    // Last year one project of three in progress (16.67); this year all three done at six months (100.00).
    for (let i = 0; i < 3; i++) {
      const p = await makeProject(db, laos.done, { fiscalYears: [YEAR - 1, YEAR] });
      if (i === 0) await makeReport(db, p, { fiscalYear: YEAR - 1 });
      await makeReport(db, p, { fiscalYear: YEAR, status: WorkStatus.DONE });
    }

    // Two LAOs with the same five projects and one note alike; a third with its own: 50.00 both years.
    note = `จัดอบรมให้ความรู้เรื่องการป้องกันการทุจริตแก่บุคลากรครบทุกส่วนราชการ ${tag}`;
    notedProjects = [];
    const names = ['ส่งเสริมคุณธรรม', 'เผยแพร่ข้อมูลข่าวสาร', 'จัดซื้อจัดจ้างโปร่งใส', 'รับฟังความคิดเห็น', 'ตรวจสอบภายใน'];
    for (const lao of [laos.copy1, laos.copy2, laos.quiet]) {
      for (const [i, n] of names.entries()) {
        const own = lao === laos.quiet ? `โครงการ${n}ของเรา${tag}` : `โครงการ${n}${tag}`;
        const p = await makeProject(db, lao, { name: own, fiscalYears: [YEAR - 1, YEAR] });
        await makeReport(db, p, { fiscalYear: YEAR - 1 });
        await makeReport(db, p, { fiscalYear: YEAR, note: i === 0 && lao !== laos.quiet ? note : `ดำเนินการ${i}` });
        if (i === 0 && lao !== laos.quiet) notedProjects.push(own);
      }
    }

    // Every report of the twelve months of LATE_YEAR saved in the last twenty minutes before its close.
    await db
      .getRepository(ReportingWindow)
      .save({ fiscalYear: LATE_YEAR, round: ReportRound.TWELVE_MONTHS, opensAt: null, closesAt: CLOSE });
    for (const at of ['2026-09-30T09:40:00Z', '2026-09-30T09:55:00Z']) {
      const p = await makeProject(db, laos.late, { fiscalYears: [LATE_YEAR] });
      await makeReport(db, p, {
        fiscalYear: LATE_YEAR,
        round: ReportRound.TWELVE_MONTHS,
        reportedAt: new Date(at),
        status: WorkStatus.DONE,
      });
    }
  });
  afterAll(() => server.stop());

  describe('the warnings of a report', () => {
    let token: string;
    let projectId: string;
    const input = (over: Partial<ProgressReportInput> = {}): ProgressReportInput => ({
      projectId,
      fiscalYear: YEAR,
      round: 'SIX_MONTHS',
      inOrdinance: true,
      ordinanceBudget: '30,000.00',
      disbursed: '60,000.00',
      status: 'DONE',
      ...over,
    });
    beforeAll(async () => {
      const user = await makeUser(server.db, Role.LAO_OFFICER);
      const lao = await server.db.getRepository('Lao').findOneByOrFail({ code: user.laoCode });
      projectId = String((await makeProject(server.db, lao as Lao, { budget: 5_000_000, fiscalYears: [YEAR] })).id);
      token = await signIn(server, user.username, PASSWORD);
    });

    it('refuses a save whose warnings are not all confirmed, listing them in Thai, and stores nothing', async () => {
      const audits = await server.db.getRepository(AuditLog).countBy({ action: 'saveProgressReport', targetType: 'ProgressReport' });
      for (const confirmedWarnings of [null, [], ['DISBURSED_ABOVE_ORDINANCE' as const]]) {
        const res = await server.gql(RedFlagSaveReportDocument, { input: input({ confirmedWarnings }) }, { token });
        expect(res.data).toBeNull();
        expect(res.errors![0]).toEqual({
          message:
            'กรุณาตรวจสอบก่อนบันทึก: 1) การเบิกจ่าย 60,000.00 บาท สูงกว่างบประมาณตามข้อบัญญัติ/เทศบัญญัติ 30,000.00 บาท ' +
            '2) การเบิกจ่าย 60,000.00 บาท สูงกว่างบประมาณที่ตั้งไว้ในแผนฯ 50,000.00 บาท หากข้อมูลถูกต้องแล้ว กรุณายืนยันการบันทึก (รายงานผลยังไม่ถูกบันทึก)',
          path: ['saveProgressReport'],
          extensions: {
            code: 'WARNINGS_UNCONFIRMED',
            warnings: [
              { code: 'DISBURSED_ABOVE_ORDINANCE', message: 'การเบิกจ่าย 60,000.00 บาท สูงกว่างบประมาณตามข้อบัญญัติ/เทศบัญญัติ 30,000.00 บาท' },
              { code: 'DISBURSED_ABOVE_PLANNED', message: 'การเบิกจ่าย 60,000.00 บาท สูงกว่างบประมาณที่ตั้งไว้ในแผนฯ 50,000.00 บาท' },
            ],
          },
        });
      }
      expect(await server.db.getRepository(ProgressReport).countBy({ projectId: Number(projectId) })).toBe(0);
      expect(await server.db.getRepository(AuditLog).countBy({ action: 'saveProgressReport', targetType: 'ProgressReport' })).toBe(audits);
    });

    it('saves them confirmed, keeps them with the report (and its carried copy), and forgets them once the figures are plausible', async () => {
      const confirmed = ['DISBURSED_ABOVE_PLANNED', 'DISBURSED_ABOVE_ORDINANCE', 'DONE_WITHOUT_DISBURSEMENT'] as const;
      const saved = await server.gql(RedFlagSaveReportDocument, { input: input({ confirmedWarnings: [...confirmed] }) }, { token });
      expect(saved.errors).toBeUndefined();
      // Only what the figures raised is kept, in the rules' order.
      expect(saved.data!.saveProgressReport).toMatchObject({
        disbursed: '60000.00',
        confirmedWarnings: ['DISBURSED_ABOVE_ORDINANCE', 'DISBURSED_ABOVE_PLANNED'],
      });
      let years = (await server.gql(RedFlagReportsDocument, { id: projectId }, { token })).data!.project!.years[0];
      expect(years.twelveMonths).toEqual({
        disbursed: '60000.00',
        confirmedWarnings: ['DISBURSED_ABOVE_ORDINANCE', 'DISBURSED_ABOVE_PLANNED'],
        carried: true,
      });

      // DONE with nothing disbursed, on a project that is not in the ordinance but has an ordinance budget.
      const other = await server.gql(RedFlagSaveReportDocument, { input: input({ inOrdinance: false, disbursed: '0' }) }, { token });
      expect(other.errors![0].extensions!.warnings).toEqual([
        {
          code: 'ORDINANCE_BUDGET_NOT_IN_ORDINANCE',
          message: 'ระบุงบประมาณตามข้อบัญญัติ/เทศบัญญัติ 30,000.00 บาท แต่เลือกว่าโครงการไม่ได้บรรจุไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน',
        },
        { code: 'DONE_WITHOUT_DISBURSEMENT', message: 'โครงการมีงบประมาณและรายงานว่าดำเนินการแล้วเสร็จ แต่ไม่มีการเบิกจ่ายงบประมาณ (0.00 บาท)' },
      ]);

      const plausible = await server.gql(RedFlagSaveReportDocument, { input: input({ disbursed: '25000' }) }, { token });
      expect(plausible.data!.saveProgressReport).toMatchObject({ disbursed: '25000.00', confirmedWarnings: [] });
      years = (await server.gql(RedFlagReportsDocument, { id: projectId }, { token })).data!.project!.years[0];
      expect(years.sixMonths).toEqual({ disbursed: '25000.00', confirmedWarnings: [] });
      expect(years.twelveMonths).toEqual({ disbursed: '25000.00', confirmedWarnings: [], carried: true });
      expect(await server.db.getRepository(ProgressReport).countBy({ projectId: Number(projectId) })).toBe(2);
    });
  });

  it('lists what each rule finds in the province’s round, with its evidence', async () => {
    const six = await flagsOf(YEAR, ReportRound.SIX_MONTHS);
    const byRuleAndLao = (a: unknown[], b: unknown[]) => `${String(a[0])}${String(a[1])}`.localeCompare(`${String(b[0])}${String(b[1])}`);
    const found = (flags: Flag[]) => flags.map((f) => [f.rule, f.lao.code, f.evidence]).sort(byRuleAndLao);
    const jump =
      /^คะแนน 100\.00 สูงกว่าปีงบประมาณ พ\.ศ\. 2566 \(16\.67\) 83\.33 คะแนน ขณะที่ อปท\. ในจังหวัดเปลี่ยนไป \+0\.00 คะแนน \(ค่ามัธยฐานของ (\d+) แห่ง\)$/;
    const expected = [
      ['ALL_DONE_SIX_MONTHS', laos.done.code, 'รายงานว่าดำเนินการแล้วเสร็จครบทั้ง 3 โครงการในรอบ 6 เดือน'],
      [
        'CONFIRMED_WARNING',
        laos.warn.code,
        `โครงการ “${warnProject.name}”: การเบิกจ่าย 45,000.00 บาท สูงกว่างบประมาณตามข้อบัญญัติ/เทศบัญญัติ 40,000.00 บาท`,
      ],
      ['IDENTICAL_NOTES', laos.copy1.code, `หมายเหตุของโครงการ “${notedProjects[0]}” ตรงกับของ ${laos.copy2.name}: “${note}”`],
      ['IDENTICAL_NOTES', laos.copy2.code, `หมายเหตุของโครงการ “${notedProjects[1]}” ตรงกับของ ${laos.copy1.name}: “${note}”`],
      ['IDENTICAL_PLANS', laos.copy1.code, `รายชื่อโครงการทั้ง 5 โครงการตรงกับของ ${laos.copy2.name} ทุกรายการ`],
      ['IDENTICAL_PLANS', laos.copy2.code, `รายชื่อโครงการทั้ง 5 โครงการตรงกับของ ${laos.copy1.name} ทุกรายการ`],
      ['SCORE_JUMP', laos.done.code, expect.stringMatching(jump)],
    ].sort(byRuleAndLao);
    expect(found(six)).toEqual(expected);
    // On the embedded database the province is this scenario's alone: the four LAOs with figures in both years.
    if (name === 'sqlite') expect(jump.exec(findFlag(six, 'SCORE_JUMP', laos.done).evidence)![1]).toBe('4');
    for (const flag of six) {
      expect(flag).toMatchObject({ fiscalYear: YEAR, round: 'SIX_MONTHS', status: 'OPEN', decisions: [], canDecide: true });
      expect(flag.title).toMatch(/^[\u0E00-\u0E7F]/);
      expect(flag.criterion).toMatch(/^[\u0E00-\u0E7F]/);
    }
    expect(findFlag(six, 'LAST_MINUTE', laos.late)).toBeUndefined();

    // The twelve months: nobody is done "at six months" there; the last-minute LAO of LATE_YEAR is.
    expect(found(await flagsOf(YEAR, ReportRound.TWELVE_MONTHS)).map((f) => f[0])).not.toContain('ALL_DONE_SIX_MONTHS');
    expect(found(await flagsOf(LATE_YEAR, ReportRound.TWELVE_MONTHS))).toEqual([
      [
        'LAST_MINUTE',
        laos.late.code,
        'บันทึกรายงานผลครบทั้ง 2 โครงการ ระหว่าง 30 กันยายน 2569 เวลา 16:40 น. ถึง 30 กันยายน 2569 เวลา 16:55 น. ก่อนปิดรอบเมื่อ 30 กันยายน 2569 เวลา 17:00 น.',
      ],
    ]);
  });

  it('reads a province’s round in the same few statements whatever its size', async () => {
    const run = () => server.gql(RedFlagsOfRoundDocument, { p: PROVINCE, y: YEAR, r: 'SIX_MONTHS' }, { token: officer });
    const small = await countStatements(server.db, run);
    for (let i = 0; i < 4; i++) {
      const lao = await makeLao(server.db, { provinceCode: PROVINCE, districtCode: '9503' });
      for (let n = 0; n < 3; n++)
        await makeReport(server.db, await makeProject(server.db, lao), { note: `หมายเหตุที่ยาวพอสำหรับการเปรียบเทียบระหว่าง อปท. ครั้งที่ ${n}` });
    }
    const large = await countStatements(server.db, run);
    expect(large.result.data!.redFlags.length).toBeGreaterThan(small.result.data!.redFlags.length);
    expect(large.statements.length).toBe(small.statements.length);
    expect(large.statements.length).toBeLessThanOrEqual(10);
  });

  it('is followed up, then dismissed, each with a note; stays listed with who, when and why; decided once', async () => {
    const flag = findFlag(await flagsOf(YEAR, ReportRound.SIX_MONTHS), 'ALL_DONE_SIX_MONTHS', laos.done);
    const decisions = () => server.db.getRepository(RedFlagDecision).countBy({ flagId: flag.id });

    // A note is required, at most 1,000 characters: nothing is stored without one.
    for (const [text, message] of [
      ['  ', 'กรุณากรอกบันทึกผลการพิจารณา'],
      ['ก'.repeat(1001), 'บันทึกผลการพิจารณาต้องไม่เกิน 1,000 ตัวอักษร'],
    ]) {
      const res = await server.gql(RedFlagFollowUpDocument, { id: flag.id, note: text }, { token: officer });
      expect(res.errors![0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'note', message }] } });
    }
    expect(await decisions()).toBe(0);

    const followed = await server.gql(
      RedFlagFollowUpDocument,
      { id: flag.id, note: ' ขอเอกสารหลักฐานการดำเนินงานจาก อปท. แล้ว ' },
      { token: officer },
    );
    expect(followed.errors).toBeUndefined();
    expect(followed.data!.followUpRedFlag).toMatchObject({
      id: flag.id,
      status: 'FOLLOWING_UP',
      decisions: [{ action: 'FOLLOW_UP', note: 'ขอเอกสารหลักฐานการดำเนินงานจาก อปท. แล้ว', decidedBy: officerName }],
    });
    const again = await server.gql(RedFlagFollowUpDocument, { id: flag.id, note: 'ติดตามอีกครั้ง' }, { token: officer });
    expect(again.errors![0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(again.errors![0].message).toMatch(
      /^รายการนี้ได้รับการพิจารณาว่า “ติดตามตรวจสอบ” แล้ว โดย .+ เมื่อ \d+ \S+ 25\d\d เวลา \d\d:\d\d น\. กรุณาโหลดรายการใหม่$/,
    );

    const dismissed = await server.gql(
      RedFlagDismissDocument,
      { id: flag.id, note: 'ตรวจเอกสารแล้ว ดำเนินการจริงครบทุกโครงการ' },
      { token: officer },
    );
    expect(dismissed.data!.dismissRedFlag).toMatchObject({ status: 'DISMISSED' });
    for (const late of ['DISMISS', 'FOLLOW_UP'] as const) {
      const res = await decide(late, flag.id, 'ซ้ำ', officer);
      expect(res.errors![0].message).toMatch(/^รายการนี้ได้รับการพิจารณาว่า “ไม่มีประเด็น” แล้ว โดย /);
    }

    // Listed as dismissed, with both decisions in order; the audit log has each.
    const listed = findFlag(await flagsOf(YEAR, ReportRound.SIX_MONTHS), 'ALL_DONE_SIX_MONTHS', laos.done);
    expect(listed).toMatchObject({
      status: 'DISMISSED',
      evidence: flag.evidence,
      decisions: [
        {
          action: 'FOLLOW_UP',
          note: 'ขอเอกสารหลักฐานการดำเนินงานจาก อปท. แล้ว',
          decidedBy: officerName,
          decidedAt: server.clock.now().toISOString(),
        },
        {
          action: 'DISMISS',
          note: 'ตรวจเอกสารแล้ว ดำเนินการจริงครบทุกโครงการ',
          decidedBy: officerName,
          decidedAt: server.clock.now().toISOString(),
        },
      ],
    });
    expect(await decisions()).toBe(2);
    const audit = await server.db.getRepository(AuditLog).findBy({ targetType: 'RedFlag', targetId: flag.id });
    expect(audit.map((a) => [a.action, a.laoCode, a.provinceCode]).sort()).toEqual([
      ['dismissRedFlag', laos.done.code, PROVINCE],
      ['followUpRedFlag', laos.done.code, PROVINCE],
    ]);
    // The office reads it in its audit log, in Thai.
    const trail = await server.gql(AuditTrailDocument, { a: 'dismissRedFlag', l: laos.done.code }, { token: officer });
    expect(trail.data!.auditLog.rows[0].sentence).toMatch(
      new RegExp(
        `^${officerName} .*ปิดรายการควรตรวจสอบ \\(ไม่มีประเด็น\\) ของ ${laos.done.name} \\(${laos.done.code}\\) รอบ 6 เดือน ปี พ\\.ศ\\. 2567 \\(“ดำเนินการแล้วเสร็จทุกโครงการตั้งแต่รอบ 6 เดือน”\\) — `,
      ),
    );

    // A flag the rules do not find (or never made) is not found.
    for (const id of [flag.id.replace(/[0-9a-f]{12}$/, '000000000000'), 'SCORE_JUMP:1234567:2567:SIX_MONTHS:000000000000', 'ไม่ใช่รหัส']) {
      expect(codeOf(await server.gql(RedFlagDismissDocument, { id, note: 'ไม่มีประเด็น' }, { token: officer }))).toBe('NOT_FOUND');
    }
  });

  it('belongs to the province’s office and NACC central: another province’s office and LAOs are refused', async () => {
    const flag = findFlag(await flagsOf(YEAR, ReportRound.SIX_MONTHS), 'IDENTICAL_PLANS', laos.copy1);
    const other = await signIn(server, (await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '80' })).username, PASSWORD);
    const lao = await signIn(server, (await makeUser(server.db, Role.LAO_OFFICER, { lao: laos.copy1 })).username, PASSWORD);
    const admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
    for (const token of [other, lao]) {
      expect(codeOf(await server.gql(RedFlagsOfRoundDocument, { p: PROVINCE, y: YEAR, r: 'SIX_MONTHS' }, { token }))).toBe('FORBIDDEN');
      for (const action of ['DISMISS', 'FOLLOW_UP'] as const) {
        expect(codeOf(await decide(action, flag.id, 'ไม่มีประเด็น', token))).toBe('FORBIDDEN');
      }
    }
    expect(await server.db.getRepository(RedFlagDecision).countBy({ flagId: flag.id })).toBe(0);
    const central = await server.gql(RedFlagDismissDocument, { id: flag.id, note: 'ส่วนกลางตรวจแล้ว' }, { token: admin });
    expect(central.data!.dismissRedFlag.status).toBe('DISMISSED');
  });

  it('never changes a score: every score of the province is the same before and after the flags and their decisions', async () => {
    const scores = async () => {
      const tables = [];
      for (const fiscalYear of [YEAR - 1, YEAR, LATE_YEAR]) {
        for (const round of ['SIX_MONTHS', 'TWELVE_MONTHS'] as const) {
          const res = await server.gql(RedFlagScoresDocument, { p: PROVINCE, y: fiscalYear, r: round }, { token: officer });
          expect(res.errors).toBeUndefined();
          tables.push(res.data!.provinceScores);
        }
      }
      const figures = await server.db
        .getRepository(LaoYearFigures)
        .createQueryBuilder('f')
        .where('f.lao_code IN (SELECT code FROM lao WHERE province_code = :p)', { p: PROVINCE })
        .orderBy('f.lao_code')
        .addOrderBy('f.fiscal_year')
        .getMany();
      return { tables, figures };
    };
    const before = await scores();
    expect(before.tables[2].rows.find((r) => r.lao.code === laos.done.code)).toMatchObject({ cappedScore: 100, level: 'HIGH' });
    for (const [fiscalYear, round] of [
      [YEAR, ReportRound.SIX_MONTHS],
      [YEAR, ReportRound.TWELVE_MONTHS],
      [LATE_YEAR, ReportRound.TWELVE_MONTHS],
    ] as const) {
      for (const flag of await flagsOf(fiscalYear, round)) {
        if (flag.status !== 'OPEN') continue;
        const action = flag.rule === 'SCORE_JUMP' ? 'FOLLOW_UP' : 'DISMISS';
        expect((await decide(action, flag.id, 'ตรวจสอบแล้ว', officer)).errors).toBeUndefined();
      }
    }
    expect((await flagsOf(YEAR, ReportRound.SIX_MONTHS)).map((f) => f.status)).not.toContain('OPEN');
    expect(await scores()).toEqual(before);
    expect(await server.db.getRepository(ProgressReport).countBy({ projectId: warnProject.id })).toBe(1);
    expect((await server.db.getRepository(ProgressReport).findOneByOrFail({ projectId: warnProject.id })).confirmedWarnings).toEqual([
      ReportWarning.DISBURSED_ABOVE_ORDINANCE,
    ]);
  });
});
