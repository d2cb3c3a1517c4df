import ExcelJS from 'exceljs';
import { Role } from '../../server/src/modules/access/role';
import { WorkStatus } from '../../server/src/modules/plan/report.enums';
import { makeLao, makeProject, makeReport, makeUser, PASSWORD } from '../fixtures/factories';
import { databases, signIn, TestServer } from './harness';

const MONEY = '#,##0.00';
const MARK = '"✓";;';
/** Amounts that a binary float would not add to the satang, and the largest the API takes. */
const AMOUNTS = [10, 20, 99_999_999_999, 1_234_567, 99_999_999_999_999, 5, 0];
const PROJECTS = 200;

/** A table as the officer sees it: the header row (where the sheet is frozen), the rows under it, the totals row. */
function table(sheet: ExcelJS.Worksheet, headerRow: number) {
  const header = (sheet.getRow(headerRow).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: ExcelJS.Row[] = [];
  let at = headerRow + 1;
  for (; sheet.getRow(at).cellCount > 0 && !hasFormula(sheet.getRow(at)); at++) rows.push(sheet.getRow(at));
  const totals = hasFormula(sheet.getRow(at)) ? sheet.getRow(at) : null;
  const column = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`no column ${name} in ${header.join(' | ')}`);
    return i + 1;
  };
  return { header, rows, totals, column };
}
const hasFormula = (row: ExcelJS.Row) => {
  let found = false;
  row.eachCell((c) => (found ||= c.type === ExcelJS.ValueType.Formula));
  return found;
};
/** The row the sheet is frozen under: the table's header. */
const frozenRow = (sheet: ExcelJS.Worksheet) => (sheet.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!;
const satang = (v: unknown) => Math.round(Number(v) * 100);

/** Print setup every sheet shares: A4, its orientation, as wide as the paper and as long as the rows need. */
function expectPrintable(sheet: ExcelJS.Worksheet, orientation: 'portrait' | 'landscape') {
  expect([sheet.name, sheet.pageSetup.paperSize, sheet.pageSetup.orientation]).toEqual([sheet.name, 9, orientation]);
  expect([sheet.pageSetup.fitToPage, sheet.pageSetup.fitToWidth, sheet.pageSetup.fitToHeight]).toEqual([true, 1, 0]);
  expect(sheet.headerFooter.oddFooter).toContain('&P / &N');
}

/** The list of a sheet: header repeated on printed pages, frozen, filtering the rows but not the totals. */
function expectList(sheet: ExcelJS.Worksheet, t: ReturnType<typeof table>, headerRow: number) {
  expect(sheet.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
  const last = headerRow + t.rows.length;
  const lastColumn = sheet.getColumn(t.header.length).letter;
  expect(sheet.autoFilter).toBe(`A${headerRow}:${lastColumn}${last}`);
}

/** Every cell of a column is a number with the format, or text that wraps. */
function expectColumn(t: ReturnType<typeof table>, name: string, kind: 'number' | 'text', format?: string) {
  for (const row of t.rows) {
    const cell = row.getCell(t.column(name));
    if (kind === 'text') {
      expect([name, cell.type, cell.alignment?.wrapText]).toEqual([name, ExcelJS.ValueType.String, true]);
    } else {
      expect([name, cell.type, cell.numFmt]).toEqual([name, ExcelJS.ValueType.Number, format]);
    }
  }
}

/** A totals cell: a SUM over exactly the rows of its column, whose value is their sum. */
function expectSum(t: ReturnType<typeof table>, name: string, money = false) {
  const cell = t.totals!.getCell(t.column(name));
  const value = cell.value as ExcelJS.CellFormulaValue;
  const letter = cell.address.replace(/\d+/g, '');
  value.result ??= 0; // exceljs reads a cached 0 back as none
  expect(value.formula).toBe(`SUM(${letter}${t.rows[0].number}:${letter}${t.rows[t.rows.length - 1].number})`);
  const sum = t.rows.reduce((s, r) => s + (money ? satang(r.getCell(t.column(name)).value) : Number(r.getCell(t.column(name)).value)), 0);
  expect([name, money ? satang(value.result) : value.result]).toEqual([name, sum]);
  return value.result as number;
}

describe.each(databases)('reports as Excel files an officer can print ($name)', ({ url }) => {
  let server: TestServer;
  let lao: Awaited<ReturnType<typeof makeLao>>;
  let token: string;
  let admin: string;

  beforeAll(async () => {
    server = await TestServer.start(url());
    lao = await makeLao(server.db, { name: 'องค์การบริหารส่วนตำบลทดสอบสมุดงาน', provinceCode: '80', districtCode: '8007' });
    const officer = await makeUser(server.db, Role.LAO_OFFICER, { lao });
    const adminUser = await makeUser(server.db, Role.ADMIN);
    token = await signIn(server, officer.username, PASSWORD);
    admin = await signIn(server, adminUser.username, PASSWORD);
    for (let i = 0; i < PROJECTS; i++) {
      const project = await makeProject(server.db, lao, {
        name: i === 7 ? 'ก'.repeat(300) : `โครงการส่งเสริมคุณธรรมและความโปร่งใสในการปฏิบัติงานขององค์กรปกครองส่วนท้องถิ่น ลำดับ ${i + 1}`,
        dimension: 1 + (i % 4),
        budget: AMOUNTS[i % AMOUNTS.length] || null,
        quarters: [1 + (i % 4), 1 + ((i + 2) % 4)],
        note: i === 3 ? 'หมายเหตุยาว '.repeat(150) : null,
      });
      if (i % 3 === 0) {
        await makeReport(server.db, project, { status: WorkStatus.DONE, inOrdinance: true, disbursed: AMOUNTS[i % AMOUNTS.length] });
      } else if (i % 3 === 1) {
        await makeReport(server.db, project, { status: WorkStatus.IN_PROGRESS });
      }
    }
  }, 240_000);
  afterAll(() => server.stop());

  async function workbook(path: string, auth = token) {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${auth}` } });
    expect([path, res.status]).toEqual([path, 200]);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(book.creator).toBe('e-PlanNACC');
    return book;
  }

  it('action plan: 200 projects on A4 landscape, one page wide, header on every page, money and marks as numbers, totals', async () => {
    const book = await workbook(`/export/action-plan.xlsx?lao=${lao.code}&year=2567&issuer=${encodeURIComponent('นายทดสอบ')}`);
    expect(book.title).toBe(`แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567 ของ ${lao.name}`);
    const sheet = book.worksheets[0];
    expectPrintable(sheet, 'landscape');
    const headerRow = frozenRow(sheet);
    const t = table(sheet, headerRow);
    expectList(sheet, t, headerRow);
    expect(t.rows).toHaveLength(PROJECTS);
    expect(t.rows.map((r) => r.getCell(1).value)).toEqual(Array.from({ length: PROJECTS }, (_, i) => i + 1));
    expect(t.rows[7].getCell(t.column('รายการโครงการ (ตั้งต้น)')).value).toBe('ก'.repeat(300));
    expectColumn(t, 'ลำดับ', 'number', '#,##0');
    expectColumn(t, 'มิติ', 'number', '#,##0');
    expectColumn(t, 'รายการโครงการ (ตั้งต้น)', 'text');
    expectColumn(t, 'งบประมาณ (บาท)', 'number', MONEY);
    for (const q of [1, 2, 3, 4]) expectColumn(t, `ไตรมาส ${q}`, 'number', MARK);
    expect(t.rows[0].getCell(t.column('งบประมาณ (บาท)')).value).toBe(0.1);
    expect(t.rows[4].getCell(t.column('งบประมาณ (บาท)')).value).toBe(999_999_999_999.99);
    expect([1, 2, 3, 4].map((q) => t.rows[0].getCell(t.column(`ไตรมาส ${q}`)).value)).toEqual([1, 0, 1, 0]);
    // the totals row: its label counts the rows, its sums are the rows'
    expect(t.totals!.getCell(t.column('รายการโครงการ (ตั้งต้น)')).value).toBe(`รวม ${PROJECTS} โครงการ`);
    const expected = Array.from({ length: PROJECTS }, (_, i) => AMOUNTS[i % AMOUNTS.length]).reduce((a, b) => a + b, 0);
    expect(satang(expectSum(t, 'งบประมาณ (บาท)', true))).toBe(expected);
    expect([1, 2, 3, 4].map((q) => expectSum(t, `ไตรมาส ${q}`))).toEqual([100, 100, 100, 100]);
    expect(t.totals!.getCell(t.column('งบประมาณ (บาท)')).numFmt).toBe(MONEY);
  });

  it('plan results: every project with its status marked, totals counting each status; the summary as numbers', async () => {
    const book = await workbook(`/export/plan-results.xlsx?lao=${lao.code}&year=2567&round=SIX_MONTHS`);
    expect(book.title).toContain('รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต');
    const [list, summary] = book.worksheets;
    expectPrintable(list, 'landscape');
    expectPrintable(summary, 'portrait');
    const headerRow = frozenRow(list);
    const t = table(list, headerRow);
    expectList(list, t, headerRow);
    expect(t.rows).toHaveLength(PROJECTS);
    expectColumn(t, 'งบประมาณ (บาท)', 'number', MONEY);
    expectColumn(t, 'เบิกจ่าย (บาท)', 'number', MONEY);
    expectColumn(t, 'หมายเหตุ', 'text');
    const statuses = ['รอรายงาน', 'อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้วเสร็จ', 'ไม่สามารถดำเนินการได้'];
    for (const s of statuses) expectColumn(t, s, 'number', MARK);
    // one mark per project, and the counts add up to the projects
    for (const r of t.rows) expect(statuses.reduce((n, s) => n + Number(r.getCell(t.column(s)).value), 0)).toBe(1);
    const counts = statuses.map((s) => expectSum(t, s));
    expect(counts).toEqual([66, 67, 67, 0]);
    expectSum(t, 'งบประมาณ (บาท)', true);
    expectSum(t, 'เบิกจ่าย (บาท)', true);
    // the summary sheet: figures are numbers, and agree with the list
    const figures = new Map<string, ExcelJS.Cell>();
    summary.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2)));
    expect(figures.get('ดำเนินการแล้วเสร็จ (โครงการ)')!.value).toBe(counts[2]);
    expect(figures.get('รอรายงาน (โครงการ)')!.value).toBe(counts[0]);
    expect(figures.get('โครงการ/กิจกรรม/มาตรการ (โครงการ)')!.value).toBe(PROJECTS);
    const disbursed = figures.get('เบิกจ่ายงบประมาณ (บาท)')!;
    expect([disbursed.type, disbursed.numFmt]).toEqual([ExcelJS.ValueType.Number, MONEY]);
    expect(satang(disbursed.value)).toBe(satang((t.totals!.getCell(t.column('เบิกจ่าย (บาท)')).value as ExcelJS.CellFormulaValue).result));
  });

  it('overview: dimensions with totals that are their sums; the status columns add up to the total', async () => {
    const book = await workbook(`/export/overview.xlsx?lao=${lao.code}&year=2567&round=SIX_MONTHS`);
    const [dims, status] = book.worksheets;
    expectPrintable(dims, 'landscape');
    expectPrintable(status, 'landscape');
    const t = table(dims, frozenRow(dims));
    expect(t.rows.map((r) => r.getCell(1).value)).toEqual(['มิติที่ 1', 'มิติที่ 2', 'มิติที่ 3', 'มิติที่ 4']);
    expect(expectSum(t, 'โครงการตามแผน')).toBe(PROJECTS);
    expectSum(t, 'โครงการที่ดำเนินการแล้ว');
    for (const m of ['งบประมาณตามแผน (บาท)', 'งบประมาณตามข้อบัญญัติ/เทศบัญญัติ (บาท)', 'ใช้จริง (บาท)']) {
      expectColumn(t, m, 'number', MONEY);
      expectSum(t, m, true);
    }
    expectColumn(t, 'ร้อยละดำเนินการ (โครงการ)', 'number', '0.00');
    expect(t.totals!.getCell(1).value).toBe('รวม 4 มิติ');
    const s = table(status, frozenRow(status));
    const value = (name: string) => s.rows[0].getCell(s.column(name)).value as number;
    const parts = ['อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้วเสร็จ', 'ไม่สามารถดำเนินการได้', 'รอรายงาน'];
    for (const p of [...parts, 'โครงการทั้งหมด']) expect(typeof value(p)).toBe('number');
    expect(parts.reduce((n, p) => n + value(p), 0)).toBe(value('โครงการทั้งหมด'));
  });

  it('province table: every LAO with its score as a number; the number at each level as numbers that add up', async () => {
    const book = await workbook(`/export/province.xlsx?province=80&year=2567&round=SIX_MONTHS`, admin);
    const [list, levels] = book.worksheets;
    expectPrintable(list, 'portrait');
    // the long title is spread over the table's width and wrapped, so that the page prints it whole
    expect(list.model.merges).toEqual(expect.arrayContaining(['A1:F1', 'A2:F2']));
    expect(list.getCell('A1').alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(list.getRow(1).height).toBeGreaterThan(list.getRow(2).height);
    const t = table(list, frozenRow(list));
    expectList(list, t, frozenRow(list));
    expect(t.rows.map((r) => r.getCell(t.column('ชื่อ อปท.')).value)).toContain(lao.name);
    expectColumn(t, 'ร้อยละที่คำนวณได้', 'number', '0.00');
    expectColumn(t, 'ลำดับ', 'number', '#,##0');
    const l = table(levels, frozenRow(levels));
    expectColumn(l, 'จำนวน อปท. (แห่ง)', 'number', '#,##0');
    const byLevel = l.rows.map((r) => r.getCell(2).value);
    const level = t.column('ระดับการนำแผนไปปฏิบัติ');
    expect(byLevel).toEqual(['มาก', 'กลาง', 'น้อย'].map((x) => t.rows.filter((r) => r.getCell(level).value === x).length));
    expect(expectSum(l, 'จำนวน อปท. (แห่ง)')).toBe(t.rows.length);
  });
});
