import { ReportRound, WorkStatus } from '../../plan/report.enums';
import { ReportWarning } from '../../progress-report/report-warnings';
import { RedFlagRule } from '../red-flag.enums';
import { median, RED_FLAG_RULES, ruleOf, type RoundData, type RoundProject, type RoundReport } from '../red-flag.rules';

/*
 * Each rule of the ควรตรวจสอบ queue as a table: a province's round made of a few LAOs, projects and
 * reports → the flags the rule finds (the LAO and the evidence an officer reads).
 */

const LAOS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((x, i) => ({ code: `810000${i + 1}`, name: `อบต.${x}` }));
const [A, B, C, D] = LAOS.map((l) => l.code);

const report = (over: Partial<RoundReport> = {}): RoundReport => ({
  status: WorkStatus.IN_PROGRESS,
  reportedAt: new Date('2024-03-20T03:00:00Z'),
  inOrdinance: true,
  ordinanceBudget: null,
  disbursed: null,
  confirmedWarnings: [],
  carried: false,
  note: null,
  ...over,
});
let nextId = 1;
const project = (
  laoCode: string,
  name: string,
  r: Partial<RoundReport> | null = {},
  plannedBudget: number | null = null,
): RoundProject => ({
  laoCode,
  projectId: nextId++,
  name,
  plannedBudget,
  report: r === null ? null : report(r),
});
const round = (over: Partial<RoundData>): RoundData => ({
  fiscalYear: 2567,
  round: ReportRound.SIX_MONTHS,
  laos: LAOS,
  projects: [],
  closesAt: new Map(),
  scores: new Map(),
  ...over,
});
/** What a rule finds, as [LAO, evidence]. */
const found = (rule: RedFlagRule, data: RoundData) =>
  ruleOf(rule)
    .evaluate(data)
    .map((f) => [f.laoCode, f.evidence]);

const FIVE = ['โครงการส่งเสริมคุณธรรม', 'โครงการเผยแพร่ข้อมูลข่าวสาร', 'มาตรการจัดซื้อจัดจ้างโปร่งใส', 'กิจกรรมรับฟังความคิดเห็น', 'โครงการตรวจสอบภายใน'];
const NOTE = 'ดำเนินการจัดอบรมให้ความรู้แก่บุคลากรและประชาชนในพื้นที่ครบถ้วนตามแผน';

describe('the rules of the red-flag queue', () => {
  it('are six, each with a Thai title and criterion', () => {
    expect(RED_FLAG_RULES.map((r) => r.code)).toEqual(Object.values(RedFlagRule));
    for (const r of RED_FLAG_RULES) expect(`${r.title} ${r.criterion}`).toMatch(/^[\u0E00-\u0E7F]/);
  });

  describe.each<[string, RedFlagRule, () => RoundData, Array<[string, string]>]>([
    // --- warnings the LAO confirmed when it saved
    ['CONFIRMED_WARNING: no report confirmed any', RedFlagRule.CONFIRMED_WARNING, () => round({ projects: [project(A, 'ก')] }), []],
    [
      'CONFIRMED_WARNING: a report saved with a warning confirmed',
      RedFlagRule.CONFIRMED_WARNING,
      () =>
        round({
          projects: [
            project(A, 'โครงการอบรม', {
              ordinanceBudget: 5_000_000,
              disbursed: 6_000_000,
              confirmedWarnings: [ReportWarning.DISBURSED_ABOVE_ORDINANCE],
            }),
          ],
        }),
      [[A, 'โครงการ “โครงการอบรม”: การเบิกจ่าย 60,000.00 บาท สูงกว่างบประมาณตามข้อบัญญัติ/เทศบัญญัติ 50,000.00 บาท']],
    ],
    [
      'CONFIRMED_WARNING: a six-month report carried to twelve months is not flagged again (its round flagged it)',
      RedFlagRule.CONFIRMED_WARNING,
      () =>
        round({
          projects: [
            project(A, 'โครงการอบรม', {
              ordinanceBudget: 5_000_000,
              disbursed: 6_000_000,
              confirmedWarnings: [ReportWarning.DISBURSED_ABOVE_ORDINANCE],
              carried: true,
            }),
          ],
        }),
      [],
    ],
    [
      'CONFIRMED_WARNING: two warnings of one report make one flag',
      RedFlagRule.CONFIRMED_WARNING,
      () =>
        round({
          projects: [
            project(
              B,
              'โครงการอบรม',
              {
                status: WorkStatus.DONE,
                inOrdinance: false,
                ordinanceBudget: 100,
                disbursed: 0,
                confirmedWarnings: [ReportWarning.ORDINANCE_BUDGET_NOT_IN_ORDINANCE, ReportWarning.DONE_WITHOUT_DISBURSEMENT],
              },
              1_000,
            ),
          ],
        }),
      [
        [
          B,
          'โครงการ “โครงการอบรม”: ระบุงบประมาณตามข้อบัญญัติ/เทศบัญญัติ 1.00 บาท แต่เลือกว่าโครงการไม่ได้บรรจุไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน; ' +
            'โครงการมีงบประมาณและรายงานว่าดำเนินการแล้วเสร็จ แต่ไม่มีการเบิกจ่ายงบประมาณ (0.00 บาท)',
        ],
      ],
    ],
    [
      'CONFIRMED_WARNING: a confirmation the figures kept no longer raise',
      RedFlagRule.CONFIRMED_WARNING,
      () =>
        round({
          projects: [
            project(A, 'ก', { ordinanceBudget: 100, disbursed: 50, confirmedWarnings: [ReportWarning.DISBURSED_ABOVE_ORDINANCE] }),
          ],
        }),
      [],
    ],
    // --- every project done at six months
    [
      'ALL_DONE_SIX_MONTHS: every project DONE',
      RedFlagRule.ALL_DONE_SIX_MONTHS,
      () => round({ projects: ['ก', 'ข', 'ค'].map((n) => project(A, n, { status: WorkStatus.DONE })) }),
      [[A, 'รายงานว่าดำเนินการแล้วเสร็จครบทั้ง 3 โครงการในรอบ 6 เดือน']],
    ],
    [
      'ALL_DONE_SIX_MONTHS: one still in progress',
      RedFlagRule.ALL_DONE_SIX_MONTHS,
      () => round({ projects: [project(A, 'ก', { status: WorkStatus.DONE }), project(A, 'ข')] }),
      [],
    ],
    [
      'ALL_DONE_SIX_MONTHS: one not reported',
      RedFlagRule.ALL_DONE_SIX_MONTHS,
      () => round({ projects: [project(A, 'ก', { status: WorkStatus.DONE }), project(A, 'ข', null)] }),
      [],
    ],
    [
      'ALL_DONE_SIX_MONTHS: the twelve-month round is not asked about',
      RedFlagRule.ALL_DONE_SIX_MONTHS,
      () => round({ round: ReportRound.TWELVE_MONTHS, projects: [project(A, 'ก', { status: WorkStatus.DONE })] }),
      [],
    ],
    ['ALL_DONE_SIX_MONTHS: an LAO with no projects', RedFlagRule.ALL_DONE_SIX_MONTHS, () => round({}), []],
    // --- every report in the last minutes before the close (17:00 Bangkok time)
    [
      'LAST_MINUTE: every report within the last 30 minutes, the first exactly 30 before',
      RedFlagRule.LAST_MINUTE,
      () =>
        round({
          closesAt: new Map([[A, new Date('2024-04-30T10:00:00Z')]]),
          projects: ['09:30', '09:45', '09:59'].map((t, i) => project(A, `ก${i}`, { reportedAt: new Date(`2024-04-30T${t}:00Z`) })),
        }),
      [
        [
          A,
          'บันทึกรายงานผลครบทั้ง 3 โครงการ ระหว่าง 30 เมษายน 2567 เวลา 16:30 น. ถึง 30 เมษายน 2567 เวลา 16:59 น. ก่อนปิดรอบเมื่อ 30 เมษายน 2567 เวลา 17:00 น.',
        ],
      ],
    ],
    [
      'LAST_MINUTE: one report 31 minutes before',
      RedFlagRule.LAST_MINUTE,
      () =>
        round({
          closesAt: new Map([[A, new Date('2024-04-30T10:00:00Z')]]),
          projects: ['09:29', '09:45'].map((t, i) => project(A, `ก${i}`, { reportedAt: new Date(`2024-04-30T${t}:00Z`) })),
        }),
      [],
    ],
    [
      'LAST_MINUTE: a project not reported',
      RedFlagRule.LAST_MINUTE,
      () =>
        round({
          closesAt: new Map([[A, new Date('2024-04-30T10:00:00Z')]]),
          projects: [project(A, 'ก', { reportedAt: new Date('2024-04-30T09:50:00Z') }), project(A, 'ข', null)],
        }),
      [],
    ],
    [
      'LAST_MINUTE: a round with no close',
      RedFlagRule.LAST_MINUTE,
      () => round({ projects: [project(A, 'ก', { reportedAt: new Date('2024-04-30T09:50:00Z') })] }),
      [],
    ],
    // --- a score far above last year and the province's change
    [
      'SCORE_JUMP: 60 points up where the province moved 3.50',
      RedFlagRule.SCORE_JUMP,
      () =>
        round({
          scores: new Map([
            [A, { before: 2000, now: 8000 }],
            [B, { before: 3000, now: 3500 }],
            [C, { before: 4000, now: 4200 }],
            [D, { before: 5000, now: 5000 }],
          ]),
        }),
      [[A, 'คะแนน 80.00 สูงกว่าปีงบประมาณ พ.ศ. 2566 (20.00) 60.00 คะแนน ขณะที่ อปท. ในจังหวัดเปลี่ยนไป +3.50 คะแนน (ค่ามัธยฐานของ 4 แห่ง)']],
    ],
    [
      'SCORE_JUMP: exactly 40 up, exactly 30 above the province (both limits reached)',
      RedFlagRule.SCORE_JUMP,
      () =>
        round({
          scores: new Map([
            [A, { before: 0, now: 4000 }],
            [B, { before: 0, now: 1000 }],
            [C, { before: 0, now: 1000 }],
          ]),
        }),
      [[A, 'คะแนน 40.00 สูงกว่าปีงบประมาณ พ.ศ. 2566 (0.00) 40.00 คะแนน ขณะที่ อปท. ในจังหวัดเปลี่ยนไป +10.00 คะแนน (ค่ามัธยฐานของ 3 แห่ง)']],
    ],
    [
      'SCORE_JUMP: 39.99 up',
      RedFlagRule.SCORE_JUMP,
      () =>
        round({
          scores: new Map([
            [A, { before: 0, now: 3999 }],
            [B, { before: 5000, now: 5000 }],
            [C, { before: 5000, now: 5000 }],
          ]),
        }),
      [],
    ],
    [
      'SCORE_JUMP: the whole province rose 50 together',
      RedFlagRule.SCORE_JUMP,
      () =>
        round({
          scores: new Map([
            [A, { before: 1000, now: 6000 }],
            [B, { before: 2000, now: 7000 }],
            [C, { before: 3000, now: 8000 }],
          ]),
        }),
      [],
    ],
    // --- the same project list as another LAO of the province
    [
      'IDENTICAL_PLANS: two LAOs with the same five names (order and spaces aside)',
      RedFlagRule.IDENTICAL_PLANS,
      () =>
        round({
          projects: [
            ...FIVE.map((n) => project(A, n)),
            ...[...FIVE].reverse().map((n) => project(B, ` ${n.replace('ส่งเสริม', 'ส่งเสริม  ')} `.replace('  ', ' '))),
            ...FIVE.slice(0, 4).map((n) => project(C, n)),
          ],
        }),
      [
        [A, 'รายชื่อโครงการทั้ง 5 โครงการตรงกับของ อบต.B ทุกรายการ'],
        [B, 'รายชื่อโครงการทั้ง 5 โครงการตรงกับของ อบต.A ทุกรายการ'],
      ],
    ],
    [
      'IDENTICAL_PLANS: four names are too few to compare',
      RedFlagRule.IDENTICAL_PLANS,
      () => round({ projects: [...FIVE.slice(0, 4).map((n) => project(A, n)), ...FIVE.slice(0, 4).map((n) => project(B, n))] }),
      [],
    ],
    [
      'IDENTICAL_PLANS: one more project makes another list',
      RedFlagRule.IDENTICAL_PLANS,
      () => round({ projects: [...FIVE.map((n) => project(A, n)), ...[...FIVE, 'โครงการเพิ่ม'].map((n) => project(B, n))] }),
      [],
    ],
    [
      'IDENTICAL_PLANS: three LAOs, each naming the other two',
      RedFlagRule.IDENTICAL_PLANS,
      () => round({ projects: [A, B, C].flatMap((lao) => FIVE.map((n) => project(lao, n))) }),
      [
        [A, 'รายชื่อโครงการทั้ง 5 โครงการตรงกับของ อบต.B, อบต.C ทุกรายการ'],
        [B, 'รายชื่อโครงการทั้ง 5 โครงการตรงกับของ อบต.A, อบต.C ทุกรายการ'],
        [C, 'รายชื่อโครงการทั้ง 5 โครงการตรงกับของ อบต.A, อบต.B ทุกรายการ'],
      ],
    ],
    // --- the same note as another LAO of the province
    [
      'IDENTICAL_NOTES: one long note in two LAOs (spacing aside)',
      RedFlagRule.IDENTICAL_NOTES,
      () =>
        round({
          projects: [project(A, 'โครงการ ก', { note: NOTE }), project(B, 'โครงการ ข', { note: `${NOTE.replace('และ', 'และ \n')}  ` })],
        }),
      [
        [A, `หมายเหตุของโครงการ “โครงการ ก” ตรงกับของ อบต.B: “${NOTE}”`],
        [B, `หมายเหตุของโครงการ “โครงการ ข” ตรงกับของ อบต.A: “${NOTE.replace('และ', 'และ ')}”`],
      ],
    ],
    [
      'IDENTICAL_NOTES: the same note on two projects of one LAO',
      RedFlagRule.IDENTICAL_NOTES,
      () => round({ projects: [project(A, 'ก', { note: NOTE }), project(A, 'ข', { note: NOTE })] }),
      [],
    ],
    [
      'IDENTICAL_NOTES: a note of 39 characters is everyone’s',
      RedFlagRule.IDENTICAL_NOTES,
      () => round({ projects: [project(A, 'ก', { note: 'ก'.repeat(39) }), project(B, 'ข', { note: 'ก'.repeat(39) })] }),
      [],
    ],
    [
      'IDENTICAL_NOTES: seven LAOs with one note name five others and count the rest',
      RedFlagRule.IDENTICAL_NOTES,
      () => round({ projects: LAOS.map((l) => project(l.code, 'ก', { note: 'ข'.repeat(40) })) }),
      LAOS.map((l) => [
        l.code,
        `หมายเหตุของโครงการ “ก” ตรงกับของ ${LAOS.filter((o) => o !== l)
          .slice(0, 5)
          .map((o) => o.name)
          .join(', ')} และอีก 1 แห่ง: “${'ข'.repeat(40)}”`,
      ]),
    ],
  ])('%s', (_name, rule, data, expected) => {
    it('finds exactly these flags', () => {
      expect(found(rule, data())).toEqual(expected);
    });
    it('finds nothing under the other rules', () => {
      // Each row is built for its own rule: no other rule looks at what it holds (so a rule finding more is seen).
      const others = RED_FLAG_RULES.filter(
        (r) => r.code !== rule && r.code !== RedFlagRule.LAST_MINUTE && r.code !== RedFlagRule.ALL_DONE_SIX_MONTHS,
      );
      for (const other of others) expect([other.code, found(other.code, data())]).toEqual([other.code, []]);
    });
  });

  it('gives each flag of an LAO under one rule its own key', () => {
    const data = round({
      projects: [
        project(A, 'ก', { note: NOTE }),
        project(B, 'ข', { note: NOTE }),
        project(A, 'ค', { note: `${NOTE} อีกเรื่อง` }),
        project(B, 'ง', { note: `${NOTE} อีกเรื่อง` }),
      ],
    });
    const keys = ruleOf(RedFlagRule.IDENTICAL_NOTES)
      .evaluate(data)
      .filter((f) => f.laoCode === A)
      .map((f) => f.key);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });

  it.each([
    [[], 0],
    [[5], 5],
    [[9, 1, 5], 5],
    [[6000, 500, 200, 0], 350],
  ])('the median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
