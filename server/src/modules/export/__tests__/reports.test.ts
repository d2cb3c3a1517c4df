import { LaoType } from '../../lao/lao.enums';
import { ReportRound, WorkStatus } from '../../plan/report.enums';
import type { DimensionFigures } from '../../scoring/lao-summary.service';
import { ImplementationLevel } from '../../scoring/scoring';
import { buildMemoPdf } from '../memo.export';
import type { MemoModel } from '../memo.document';
import type { OverviewModel } from '../overview.document';
import { buildOverviewPdf, buildOverviewXlsx } from '../overview.export';
import type { PlanResultsModel } from '../plan-results.document';
import { buildPlanResultsPdf, buildPlanResultsXlsx } from '../plan-results.export';
import type { ProvinceModel } from '../province.document';
import { buildProvincePdf, buildProvinceXlsx } from '../province.export';
import { paragraphs, sheetRows, tables } from './definition';

const ISSUED = { date: new Date('2024-05-02T03:00:00Z'), issuer: null };
const MAX = 99_999_999_999_999; // 999,999,999,999.99 baht
/** Builders print the explanation as the scoring module wrote it (scoring.ts explainScore). */
const EXPLANATION = 'ดำเนินการแล้วเสร็จ 31 × 1 + อยู่ระหว่างดำเนินการ 5 × 0.5 = 33.5 ÷ โครงการขั้นต่ำ 20 = 167.50 → แสดง 100.00* ระดับมาก';
const LONG_NOTE = 'ปัญหาในการดำเนินงาน'.repeat(120).slice(0, 2000);
const KHON_HAT = { code: '6800707', name: 'องค์การบริหารส่วนตำบลขอนหาด' };
const CHA_UAT = { provinceCode: '80', provinceName: 'นครศรีธรรมราช', districtName: 'ชะอวด' };
const BANGKOK = { provinceCode: '10', provinceName: 'กรุงเทพมหานคร', districtName: 'คลองเตย' };

const dimension = (d: number | null, fields: Partial<DimensionFigures> = {}): DimensionFigures => ({
  dimension: d,
  plannedProjects: 7,
  doneProjects: 2,
  plannedBudget: 0,
  ordinanceBudget: 0,
  disbursed: 0,
  projectPercent: 2857,
  budgetPercent: 0,
  ...fields,
});

/** Scored above 100 (105.50 capped at 100.00), from NACC's minimum count. */
const overview: OverviewModel = {
  lao: KHON_HAT,
  place: CHA_UAT,
  fiscalYear: 2567,
  round: ReportRound.SIX_MONTHS,
  dimensions: [
    dimension(1, { plannedBudget: MAX, ordinanceBudget: MAX, disbursed: 11_265_200, budgetPercent: 4898 }),
    dimension(2),
    dimension(3),
    dimension(4),
  ],
  total: dimension(null, { plannedProjects: 49, doneProjects: 31, plannedBudget: MAX, projectPercent: 6327, budgetPercent: 3045 }),
  status: { minimumCount: 20, total: 49, inOrdinance: 40, inProgress: 5, done: 31, cannotDo: 3, waiting: 10 },
  score: { raw: 10550, capped: 10000, level: ImplementationLevel.HIGH, explanation: EXPLANATION },
  fromMinimum: true,
};

describe('the overview', () => {
  const doc = buildOverviewPdf(overview);
  const text = paragraphs(doc.content);
  const [dimensions, , , , status] = tables(doc.content);

  it('heads it with the LAO, its place and the round', () => {
    expect(text.slice(0, 2)).toEqual([
      'องค์การบริหารส่วนตำบลขอนหาด อำเภอชะอวด จังหวัดนครศรีธรรมราช',
      'รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือน',
    ]);
    expect(doc.info).toEqual({ title: `${text[1]} องค์การบริหารส่วนตำบลขอนหาด`, landscape: true });
    expect(doc.fileName).toBe('รายงานผลการนำแผนไปปฏิบัติ-2567-6เดือน-6800707.pdf');
  });

  it('prints amounts in baht and percentages with two decimals, from hundredths', () => {
    expect(dimensions[2]).toEqual([
      KHON_HAT.name,
      '1',
      '7',
      '2',
      '999,999,999,999.99',
      '999,999,999,999.99',
      '112,652.00',
      '28.57',
      '48.98',
    ]);
    expect(dimensions[6]).toEqual(['รวม', '', '49', '31', '999,999,999,999.99', '0.00', '0.00', '63.27', '30.45']);
  });

  it('shows a score above 100 as 100.00* with the footnote giving what was computed', () => {
    expect(status[1]).toEqual(['20', '49', '40', '5', '31', '3', '10', '100.00*', 'มาก']);
    expect(status[0][7]).toBe('ผลการนำแผนฯ ไปปฏิบัติ คิดจาก โครงการขั้นต่ำ');
    expect(text).toContain('* ผลการนำแผนฯ ไปปฏิบัติเกินร้อยละ 100 แสดงเป็น 100.00 (คำนวณได้ร้อยละ 105.50)');
  });

  it('ends with where the score comes from, as the scoring module wrote it', () => {
    expect(text.at(-1)).toBe(`ที่มาของคะแนน: ${EXPLANATION}`);
  });

  it('writes the workbook with percentages as numbers of two decimals and the capped and computed scores', () => {
    const { book, fileName } = buildOverviewXlsx(overview, ISSUED);
    expect(fileName).toBe('รายงานผลการนำแผนไปปฏิบัติ-2567-6เดือน-6800707.xlsx');
    const [byDimension, status] = book.worksheets;
    const rows = sheetRows(byDimension);
    expect(rows.find((r) => r[0] === 'มิติที่ 1')).toEqual(['มิติที่ 1', 7, 2, 999_999_999_999.99, 999_999_999_999.99, 112_652, 28.57, 48.98]);
    expect(rows.at(-1)?.slice(6)).toEqual([63.27, 30.45]);
    expect(sheetRows(status).at(-1)).toEqual([20, 49, 40, 5, 31, 3, 10, 100, 105.5, 'มาก']);
  });
});

const results: PlanResultsModel = {
  lao: KHON_HAT,
  place: CHA_UAT,
  fiscalYear: 2567,
  round: ReportRound.TWELVE_MONTHS,
  rows: [
    { no: 1, name: 'โครงการอบรมคุณธรรม', dimension: 1, budget: 300_000, disbursed: 100_000, status: WorkStatus.DONE, note: LONG_NOTE },
    { no: 2, name: 'มาตรการเปิดเผยข้อมูล', dimension: 2, budget: 0, disbursed: 0, status: null, note: null },
  ],
  note: { reporterName: 'นางสาวสมใจ ใจดี', reporterPosition: 'นิติกร', problems: 'งบประมาณไม่พอ', suggestions: null },
  waiting: 1,
  inProgress: 0,
  done: 1,
  cannotDo: 0,
  disbursed: 100_000,
  disbursedPercent: 3333,
  score: { raw: 5000, capped: 5000, level: ImplementationLevel.MEDIUM, explanation: EXPLANATION },
};

describe('the plan results', () => {
  const doc = buildPlanResultsPdf(results);
  const text = paragraphs(doc.content);
  const [list] = tables(doc.content);

  it('heads it with the title and the place, and names the reporter as author', () => {
    expect(text.slice(0, 2)).toEqual([
      'รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ขององค์การบริหารส่วนตำบลขอนหาด พ.ศ. 2567 รอบ 12 เดือน',
      'อำเภอชะอวด จังหวัดนครศรีธรรมราช',
    ]);
    expect(doc.info.author).toBe('นางสาวสมใจ ใจดี');
  });

  it('lists the numbered projects with a tick in their status, the note whole, and totals that count each status', () => {
    expect(list[2]).toEqual(['1', 'โครงการอบรมคุณธรรม', '1', '3,000.00', '1,000.00', '', '', '✓', '', LONG_NOTE]);
    expect(list[3]).toEqual(['2', 'มาตรการเปิดเผยข้อมูล', '2', '0.00', '0.00', '✓', '', '', '', '']);
    expect(list[4]).toEqual(['รวม 2 โครงการ', '', '', '3,000.00', '1,000.00', '1', '0', '1', '0', '']);
  });

  it('ends with the reporter, problems, suggestions ("-" when none) and the summary with its percentages', () => {
    expect(text).toContain('ชื่อ - สกุล ผู้รายงาน นางสาวสมใจ ใจดี   ตำแหน่ง นิติกร');
    expect(text.slice(text.indexOf('ปัญหา อุปสรรค'), text.indexOf('ปัญหา อุปสรรค') + 4)).toEqual([
      'ปัญหา อุปสรรค',
      'งบประมาณไม่พอ',
      'ข้อเสนอแนะ',
      '-',
    ]);
    expect(text.slice(-2)).toEqual(['เบิกจ่ายงบประมาณ 1,000.00 บาท คิดเป็นร้อยละ 33.33', 'มีการนำแผนฯ ไปปฏิบัติ ระดับ กลาง ร้อยละ 50.00']);
  });

  it('writes the workbook: the list with marks, then the summary figures as numbers', () => {
    const { book } = buildPlanResultsXlsx(results, ISSUED);
    const [list, summary] = book.worksheets;
    expect(sheetRows(list).find((r) => r[0] === 1)).toEqual([1, 'โครงการอบรมคุณธรรม', 1, 3000, 1000, 0, 0, 1, 0, LONG_NOTE]);
    const figures = sheetRows(summary);
    expect(figures.find((r) => r[0] === 'เบิกจ่ายคิดเป็นร้อยละ')).toEqual(['เบิกจ่ายคิดเป็นร้อยละ', 33.33]);
    expect(figures.find((r) => r[0] === 'ระดับการนำแผนไปปฏิบัติ')).toEqual(['ระดับการนำแผนไปปฏิบัติ', 'กลาง']);
  });
});

const province: ProvinceModel = {
  province: { code: '10', name: 'กรุงเทพมหานคร' },
  districtName: null,
  fiscalYear: 2567,
  round: ReportRound.SIX_MONTHS,
  rows: [
    {
      laoName: 'กรุงเทพมหานคร',
      districtName: 'คลองเตย',
      score: { raw: 12345, capped: 10000, level: ImplementationLevel.HIGH, explanation: EXPLANATION },
    },
    {
      laoName: 'ชุมชนทดสอบ',
      districtName: 'บางรัก',
      score: { raw: 1999, capped: 1999, level: ImplementationLevel.LOW, explanation: EXPLANATION },
    },
  ],
  high: 1,
  medium: 0,
  low: 1,
};

describe('the province table', () => {
  it('names Bangkok without จังหวัด and its districts เขต, prints raw scores and counts the levels', () => {
    const doc = buildProvincePdf(province);
    const text = paragraphs(doc.content);
    expect(text[1]).toBe('กรุงเทพมหานคร');
    const [table] = tables(doc.content);
    expect(table[0][2]).toBe('เขต');
    expect(table.slice(1)).toEqual([
      ['1', 'กรุงเทพมหานคร', 'คลองเตย', '123.45', 'มาก'],
      ['2', 'ชุมชนทดสอบ', 'บางรัก', '19.99', 'น้อย'],
    ]);
    expect(text).toContain('รวม 2 แห่ง: ระดับมาก 1 แห่ง ระดับกลาง 0 แห่ง ระดับน้อย 1 แห่ง');
    expect(doc.fileName).toBe('ผลการนำแผนไปปฏิบัติระดับจังหวัด-10-2567-6เดือน.pdf');
  });

  it('adds the district asked for to the subtitle, and writes both scores in the workbook', () => {
    const { book } = buildProvinceXlsx({ ...province, province: { code: '20', name: 'ชลบุรี' }, districtName: 'บางละมุง' }, ISSUED);
    const rows = sheetRows(book.worksheets[0]);
    expect(rows[1][0]).toBe('จังหวัดชลบุรี อำเภอบางละมุง');
    expect(rows.find((r) => r[0] === 1)).toEqual([1, 'กรุงเทพมหานคร', 'คลองเตย', 123.45, 100, 'มาก']);
  });
});

describe('the memo', () => {
  const memo: MemoModel = {
    lao: {
      code: '1000000',
      name: 'กรุงเทพมหานคร',
      type: LaoType.BANGKOK,
      officeHeadName: null,
      chiefAdministratorName: 'นายปลัด ทดสอบ',
      executiveName: null,
    },
    place: BANGKOK,
    fiscalYear: 2567,
    round: ReportRound.SIX_MONTHS,
    date: new Date('2024-05-07T05:00:00Z'),
    ref: '',
    planYears: { firstYear: 2566, lastYear: 2570 },
    emblem: null,
    overview: { ...overview, lao: { code: '1000000', name: 'กรุงเทพมหานคร' }, place: BANGKOK },
    results: { ...results, lao: { code: '1000000', name: 'กรุงเทพมหานคร' }, place: BANGKOK, round: ReportRound.SIX_MONTHS },
  };
  const doc = buildMemoPdf(memo);
  const text = paragraphs(doc.content);

  it('addresses Bangkok’s governor from its place, dated in Thai digits, and attaches the overview and results', () => {
    expect(text).toContain('ส่วนราชการ สำนักปลัด กรุงเทพมหานคร เขตคลองเตย กรุงเทพมหานคร');
    expect(text).toContain('วันที่ ๗ พฤษภาคม ๒๕๖๗');
    expect(text).toContain('ที่ ........................................');
    expect(text).toContain('เรียน ผู้ว่าราชการกรุงเทพมหานคร');
    expect(text.find((p) => p.startsWith('ตามที่'))).toContain('แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. ๒๕๖๖-๒๕๗๐)');
    expect(text).toContain('(นายปลัด ทดสอบ)');
    expect(text).toContain('กรุงเทพมหานคร เขตคลองเตย กรุงเทพมหานคร');
    expect(text).toContain('มีการนำแผนฯ ไปปฏิบัติ ระดับ กลาง ร้อยละ 50.00');
    expect(doc.fileName).toBe('บันทึกข้อความ-2567-6เดือน-1000000.pdf');
  });

  it('prints the results table of its facts in Thai digits', () => {
    const [facts] = tables(doc.content);
    expect(facts[6]).toEqual(['รวม', '', '๔๙', '๓๑', '๙๙๙,๙๙๙,๙๙๙,๙๙๙.๙๙', '๐.๐๐', '๐.๐๐', '๖๓.๒๗', '๓๐.๔๕']);
  });
});
