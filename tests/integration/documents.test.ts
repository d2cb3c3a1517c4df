import ExcelJS from 'exceljs';
import { thaiDigits } from '../../server/src/core/pdf/thai-text';
import { DEMO_PASSWORDS, KHON_HAT } from '../../server/src/demo/demo-data';
import { KHON_HAT_2567 } from '../../server/src/demo/khon-hat-2567';
import { breaksInsideWords, havePoppler, pdfText, squash } from '../support/pdf-text';
import { signIn, TestServer } from './harness';
import { DocumentsSavePlanResultNoteDocument } from '../gql/graphql';
import { demoDatabaseUrl } from './demo-database';

/** Header cells of the results tables: narrow columns, where a word would be broken first. */
const HEADERS = [
  'ชื่อ อปท.',
  'ดำเนินการแล้ว',
  'ตามข้อบัญญัติ/ เทศบัญญัติ',
  'ใช้จริง',
  'โครงการ',
  'งบประมาณ',
  'ร้อยละดำเนินการ',
  'โครงการขั้นต่ำ ตามที่ ป.ป.ช. กำหนด',
  'บรรจุในข้อบัญญัติ/ เทศบัญญัติ/ แผนดำเนินงาน',
  'ระดับการนำแผนไปปฏิบัติ',
];

/** The reports of the memo's LAO, from the demo data, read back from the PDFs as a person would copy them. */
(havePoppler ? describe : describe.skip)('the LAO’s reports as documents (demo data, SQLite)', () => {
  let server: TestServer;
  let token: string;
  const get = async (path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect([path, res.status]).toEqual([path, 200]);
    return Buffer.from(await res.arrayBuffer());
  };
  beforeAll(async () => {
    server = await TestServer.start(await demoDatabaseUrl('sqlite'));
    token = await signIn(server, DEMO_PASSWORDS.lao.username, DEMO_PASSWORDS.lao.password);
    const note = await server.gql(
      DocumentsSavePlanResultNoteDocument,
      {
        l: KHON_HAT.code,
        input: {
          problems: 'การจัดกิจกรรม/โครงการบางกิจกรรมเป็นการเพิ่มภาระของหน่วยงาน',
          suggestions: 'หน่วยงานหลักควรสนับสนุนงบประมาณ',
          reporterName: 'นางสาวอนุศาสน์ อภัยรัตน์',
          reporterPosition: 'นิติกร',
        },
      },
      { token },
    );
    expect(note.errors).toBeUndefined();
  });
  afterAll(() => server.stop());

  it('overview.pdf: the memo’s tables, landscape A4, text as printed', async () => {
    const text = pdfText(await get(`/export/overview.pdf?lao=${KHON_HAT.code}&year=2567&round=SIX_MONTHS`));
    expect(squash(text)).toContain(squash('องค์การบริหารส่วนตำบลขอนหาด อำเภอชะอวด จังหวัดนครศรีธรรมราช'));
    expect(squash(text)).toContain(squash('รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือน'));
    for (const row of [
      '4 7 4 230,000.00 0.00 112,652.00 57.14 48.98',
      'รวม 49 31 370,000.00 0.00 112,652.00 63.27 30.45',
      '15 49 3 18 31 0 0 100.00* มาก',
    ]) {
      expect(squash(text)).toContain(squash(row));
    }
    expect(squash(text)).toContain(squash('คำนวณได้ร้อยละ 266.67'));
    expect(breaksInsideWords(text, HEADERS)).toEqual([]);
  });

  it('plan-results.pdf: every project with its status, the LAO’s notes and the closing summary', async () => {
    const text = pdfText(await get(`/export/plan-results.pdf?lao=${KHON_HAT.code}&year=2567&round=SIX_MONTHS`));
    expect(squash(text)).toContain(squash('รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ขององค์การบริหารส่วนตำบลขอนหาด พ.ศ. 2567 รอบ 6 เดือน'));
    expect(squash(text)).toContain(squash('48 กิจกรรมส่งเสริมและพัฒนาศักยภาพสมาชิกสภาท้องถิ่น 4 200,000.00 112,652.00'));
    expect(squash(text)).toContain(squash('มาตรการ NO Gift Policy'));
    expect(squash(text)).toContain(squash('ชื่อ - สกุล ผู้รายงาน นางสาวอนุศาสน์ อภัยรัตน์ ตำแหน่ง นิติกร'));
    expect(squash(text)).toContain(squash('การจัดกิจกรรม/โครงการบางกิจกรรมเป็นการเพิ่มภาระของหน่วยงาน'));
    for (const line of [
      'แผนปฏิบัติการป้องกันการทุจริต มีโครงการ/กิจกรรม/มาตรการ จำนวน 49 โครงการ',
      'รอรายงาน 0 โครงการ',
      'อยู่ระหว่างดำเนินการ 18 โครงการ',
      'ดำเนินการแล้วเสร็จ 31 โครงการ',
      'ไม่สามารถดำเนินการได้ 0 โครงการ',
      'เบิกจ่ายงบประมาณ 112,652.00 บาท คิดเป็นร้อยละ 30.45',
      'มีการนำแผนฯ ไปปฏิบัติ ระดับ มาก ร้อยละ 100.00',
    ]) {
      expect(squash(text)).toContain(squash(line));
    }
    expect(text.match(/✓/g)).toHaveLength(49);
    expect(
      breaksInsideWords(text, [
        ...KHON_HAT_2567.map((p) => p.name),
        'รายการโครงการ (ตั้งต้น)',
        'อยู่ระหว่างดำเนินการ',
        'ดำเนินการแล้วเสร็จ',
        'ไม่สามารถดำเนินการได้',
      ]),
    ).toEqual([]);
  });

  it('memo.pdf: the seed memo’s layout, drafted from the data, ready to sign', async () => {
    const pdf = await get(`/export/memo.pdf?lao=${KHON_HAT.code}&year=2567&round=SIX_MONTHS&ref=${encodeURIComponent('นศ 73601/256')}`);
    const text = pdfText(pdf);
    const order = [
      'บันทึกข้อความ',
      'ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลขอนหาด',
      'ที่ นศ ๗๓๖๐๑/๒๕๖',
      'เรื่อง รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๗',
      'เรียน นายกองค์การบริหารส่วนตำบลขอนหาด',
      '๑. เรื่องเดิม',
      '๒. ข้อเท็จจริง',
      'รายงานผลการนำแผนไปปฏิบัติ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ รอบ ๖ เดือน',
      '๓. ข้อเสนอแนะ/พิจารณา',
      'จึงเรียนมาเพื่อโปรดทราบ',
      '(นางสาวอนุศาสน์ อภัยรัตน์)',
      'ความเห็นหัวหน้าส่วนราชการ',
      'ความเห็นปลัดองค์การบริหารส่วนตำบลขอนหาด',
      'คำสั่งนายกองค์การบริหารส่วนตำบลขอนหาด',
    ];
    let at = -1;
    for (const part of order) {
      const next = squash(text).indexOf(squash(part), at + 1);
      expect([part, next > at]).toEqual([part, true]);
      at = next;
    }
    expect(squash(text)).toContain(squash('รวม ๔๙ ๓๑ ๓๗๐,๐๐๐.๐๐ ๐.๐๐ ๑๑๒,๖๕๒.๐๐ ๖๓.๒๗ ๓๐.๔๕'));
    expect(squash(text)).toContain(squash('(ระหว่างวันที่ ๑ ตุลาคม ๒๕๖๖-๓๑ มีนาคม ๒๕๖๗)'));
    expect(breaksInsideWords(text, [...HEADERS.map(thaiDigits), ...order])).toEqual([]);
    // Two pages of memo, then its attachment.
    expect(text.split('\f')[2]).toMatch(/^เอกสารแนบท้ายบันทึกข้อความ/);
  });

  it('overview.xlsx and plan-results.xlsx carry the same figures', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await get(`/export/overview.xlsx?lao=${KHON_HAT.code}&year=2567&round=SIX_MONTHS`)) as never);
    // a totals cell is a SUM formula with its value (exceljs reads a value of 0 back as none)
    const value = (v: unknown) => (v !== null && typeof v === 'object' && 'formula' in v ? ((v as { result?: number }).result ?? 0) : v);
    const rows = (book.worksheets[0].getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1).map(value));
    expect(rows).toContainEqual(['รวม 4 มิติ', 49, 31, 370000, 0, 112652, 63.27, 30.45]);
    const plan = new ExcelJS.Workbook();
    await plan.xlsx.load((await get(`/export/plan-results.xlsx?lao=${KHON_HAT.code}&year=2567&round=SIX_MONTHS`)) as never);
    expect((plan.worksheets[0].getSheetValues().filter(Boolean) as unknown[][]).filter((r) => typeof r[1] === 'number')).toHaveLength(49);
  });
});
