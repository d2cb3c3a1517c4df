import ExcelJS from 'exceljs';
import { Role } from '../../server/src/modules/access/role';
import { PlanStatus, ProjectOrigin } from '../../server/src/modules/plan/project.enums';
import { makeLao, makeProject, makeUser, PASSWORD } from '../fixtures/factories';
import { breaksInsideWords, havePoppler, pdfText, pdfToPngs, squash } from '../support/pdf-text';
import { databases, signIn, TestServer } from './harness';

const NAMES = [
  'โครงการส่งเสริมการดำเนินชีวิตตามหลักปรัชญาของเศรษฐกิจพอเพียงเพื่อให้บุคลากรองค์กรปกครองส่วนท้องถิ่นมีคุณธรรมและจริยธรรมในการปฏิบัติงาน',
  'กิจกรรม "ควบคุมการเบิกจ่ายเงินตามข้อบัญญัติงบประมาณรายจ่ายประจำปี" ลำดับที่ ๑',
  'มาตรการป้องกันน้ำท่วมซ้ำซากและจัดทำแผนบริหารความเสี่ยงการทุจริตของตำบลน้ำขาว',
  'มาตรการ NO Gift Policy',
];

(havePoppler ? describe.each(databases) : describe.skip.each(databases))('printing the action plan ($name)', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url());
  });
  afterAll(() => server.stop());

  async function setUp() {
    const lao = await makeLao(server.db, { name: 'องค์การบริหารส่วนตำบลน้ำขาว', provinceCode: '80', districtCode: '8007' });
    const officer = await makeUser(server.db, Role.LAO_OFFICER, { lao });
    const token = await signIn(server, officer.username, PASSWORD);
    await makeProject(server.db, lao, { name: NAMES[0], dimension: 1, budget: 1_000_000, quarters: [1, 2], fiscalYears: [2567] });
    await makeProject(server.db, lao, {
      name: NAMES[1],
      dimension: 2,
      budget: 99_999_999_999_999,
      quarters: [4],
      fiscalYears: [2567, 2568],
    });
    await makeProject(server.db, lao, {
      name: NAMES[2],
      dimension: 4,
      budget: null,
      quarters: [2, 3],
      fiscalYears: [2567],
      note: 'ดำเนินการร่วมกับอำเภอ',
    });
    await makeProject(server.db, lao, { name: NAMES[3], dimension: 2, budget: 5, fiscalYears: [2567], origin: ProjectOrigin.ADDITIONAL });
    await makeProject(server.db, lao, { name: 'โครงการที่ลดออกจากแผนแล้ว', fiscalYears: [2567], planStatus: PlanStatus.REDUCED });
    await makeProject(server.db, lao, { name: 'โครงการของปีหน้าเท่านั้น', fiscalYears: [2568] });
    return { lao, token };
  }

  const get = (path: string, token?: string) =>
    fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('prints the plan: title, LAO and place, every project as typed, budgets, quarters, issuer, page numbers', async () => {
    const { lao, token } = await setUp();
    const res = await get(`/export/action-plan.pdf?lao=${lao.code}&year=2567&issuer=${encodeURIComponent('นางสาวอนุศาสน์ อภัยรัตน์')}`, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('แผนปฏิบัติการป้องกันการทุจริต-2567'));
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567');
    expect(text).toContain('ของ องค์การบริหารส่วนตำบลน้ำขาว');
    expect(text).toContain('อำเภอชะอวด จังหวัดนครศรีธรรมราช');
    expect(text).toContain('ลำดับ รายการโครงการ (ตั้งต้น) มิติ');
    for (const name of NAMES) expect(squash(text)).toContain(squash(name));
    expect(text).not.toContain('โครงการที่ลดออกจากแผนแล้ว');
    expect(text).not.toContain('โครงการของปีหน้าเท่านั้น');
    expect(text).toContain('10,000.00');
    expect(squash(text)).toContain('999,999,999,999.99');
    expect(text).toContain('0.05');
    expect(squash(text)).toContain('(รอการอนุมัติเพิ่ม)');
    expect(squash(text)).toContain(squash('ดำเนินการร่วมกับอำเภอ'));
    expect(squash(text)).toContain(squash(`รวม 4 โครงการ ${'1,000,000,010,000.04'}`));
    expect(text.match(/✓/g)).toHaveLength(6);
    expect(text).toContain('ผู้ออกรายงาน นางสาวอนุศาสน์ อภัยรัตน์');
    expect(text).toContain('วันที่ออกรายงาน 2 พฤษภาคม 2567');
    expect(text).toMatch(/หน้า 1 \/ \d/);
    expect(text).not.toMatch(/[\u200B\uFFFD]/);
    expect(breaksInsideWords(text, [...NAMES, 'รายการโครงการ (ตั้งต้น)', 'งบประมาณ (บาท)', 'ดำเนินการไตรมาส', 'ดำเนินการร่วมกับอำเภอ'])).toEqual(
      [],
    );
    expect(pdfToPngs(pdf).length).toBeGreaterThanOrEqual(1);
  });

  it('gives the same plan as an Excel file', async () => {
    const { lao, token } = await setUp();
    const res = await get(`/export/action-plan.xlsx?lao=${lao.code}&year=2567&issuer=${encodeURIComponent('นายทดสอบ')}`, token);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0][1]).toBe('แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567');
    const projectRows = rows.filter((r) => typeof r[1] === 'number');
    expect(projectRows.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      [1, NAMES[0], 1, 10_000],
      [2, NAMES[1], 2, 999_999_999_999.99],
      [3, NAMES[2], 4, 0],
      [4, NAMES[3], 2, 0.05],
    ]);
    // quarters are 1 or 0, shown as a tick or nothing (spreadsheet.ts)
    expect(projectRows[0].slice(5, 9)).toEqual([1, 1, 0, 0]);
    expect(sheet.getRow((sheet.views[0] as ExcelJS.WorksheetViewFrozen).ySplit! + 1).getCell(5).numFmt).toBe('"✓";;');
  });

  it.each([
    ['signed out', null, '', 401, 'กรุณาเข้าสู่ระบบก่อนใช้งาน'],
    ['another LAO’s officer', 'other', '&issuer=x', 403, 'ท่านไม่มีสิทธิ์เข้าถึงข้อมูลของ อปท. นี้'],
    ['no issuer', 'own', '', 400, 'กรุณาระบุชื่อ-สกุล ผู้ออกรายงาน'],
  ])('refuses %s in Thai', async (_case, who, extra, status, message) => {
    const { lao, token } = await setUp();
    let auth: string | undefined;
    if (who === 'own') auth = token;
    if (who === 'other') {
      const other = await makeUser(server.db, Role.LAO_OFFICER);
      auth = await signIn(server, other.username, PASSWORD);
    }
    const res = await get(`/export/action-plan.pdf?lao=${lao.code}&year=2567${extra}`, auth);
    expect(res.status).toBe(status);
    expect(await res.text()).toBe(message);
  });
});
