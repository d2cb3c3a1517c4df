import ExcelJS from 'exceljs';
import { Role } from '../../server/src/modules/access/role';
import { makeLao, makeUser, PASSWORD } from '../fixtures/factories';
import { NationalExportScoresDocument, type NationalExportScoresQuery } from '../gql/graphql';
import { havePoppler, pdfText, squash } from '../support/pdf-text';
import { databases, signIn, TestServer } from './harness';

type Row = NationalExportScoresQuery['nationalScores'][number];
const count = (n: number) => n.toLocaleString('en-US');

/**
 * The national table printed (/export/national-scores.pdf|.xlsx): the rows the page shows — every
 * province, its LAOs by level — and the country's total; for NACC central only, as the page.
 */
(havePoppler ? describe.each(databases) : describe.skip.each(databases))('exporting the national table ($name)', ({ url }) => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await TestServer.start(url());
    admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
    // Two LAOs of Bangkok (named without จังหวัด), none reported: both count as ระดับน้อย.
    await makeLao(server.db, { provinceCode: '10', districtCode: '1001' });
    await makeLao(server.db, { provinceCode: '10', districtCode: '1001' });
  });
  afterAll(() => server.stop());

  const get = (path: string, token: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  async function shown(token: string): Promise<Row[]> {
    const res = await server.gql(NationalExportScoresDocument, { fiscalYear: 2567, round: 'TWELVE_MONTHS' }, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.nationalScores;
  }

  it('prints every province with its LAOs by level, as the page shows them, and the country’s total', async () => {
    const res = await get('/export/national-scores.pdf?year=2567&round=TWELVE_MONTHS', admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('ผลการนำแผนไปปฏิบัติรายจังหวัด-2567-12เดือน.pdf'));
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    const rows = await shown(admin);
    expect(rows.length).toBeGreaterThanOrEqual(77);
    const flat = squash(text);
    expect(flat).toContain(squash('ผลการนำแผนปฏิบัติการป้องกันการทุจริต ไปสู่การปฏิบัติ รายจังหวัด'));
    expect(flat).toContain(squash('ประจำปีงบประมาณ พ.ศ. 2567 รอบ 12 เดือน'));
    // Row after row in the page's order: number, province, LAOs, high, medium, low.
    let from = 0;
    rows.forEach((r, i) => {
      const printed = squash(`${i + 1} ${r.province.label} ${count(r.laos)} ${count(r.high)} ${count(r.medium)} ${count(r.low)}`);
      const at = flat.indexOf(printed, from);
      expect({ row: printed, found: at >= 0 }).toEqual({ row: printed, found: true });
      from = at + printed.length;
    });
    const bangkok = rows.find((r) => r.province.code === '10')!;
    expect(bangkok.province.label).toBe('กรุงเทพมหานคร');
    expect(bangkok.low).toBeGreaterThanOrEqual(2);
    const sum = (k: 'laos' | 'high' | 'medium' | 'low') => count(rows.reduce((a, r) => a + r[k], 0));
    expect(flat.slice(from)).toContain(squash(`รวมทั้งประเทศ ${sum('laos')} ${sum('high')} ${sum('medium')} ${sum('low')}`));
  });

  it('writes the same counts in the workbook, summed for the country', async () => {
    const res = await get('/export/national-scores.xlsx?year=2567&round=TWELVE_MONTHS', admin);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows = await shown(admin);
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const bangkok = rows.findIndex((r) => r.province.code === '10');
    const line = values.find((v) => v[0] === bangkok + 1)!;
    expect(line.slice(1, 6)).toEqual(['กรุงเทพมหานคร', rows[bangkok].laos, rows[bangkok].high, rows[bangkok].medium, rows[bangkok].low]);
    const total = values.find((v) => v[1] === 'รวมทั้งประเทศ')!;
    expect((total[2] as { result: number }).result).toBe(rows.reduce((a, r) => a + r.laos, 0));
  });

  it('refuses a province office in Thai, with no document', async () => {
    const officer = await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '10' });
    const res = await get('/export/national-scores.pdf?year=2567&round=TWELVE_MONTHS', await signIn(server, officer.username, PASSWORD));
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).not.toMatch(/pdf/);
    expect(await res.text()).toBe('ท่านไม่มีสิทธิ์ดูผลการนำแผนไปปฏิบัติทั้งประเทศ');
  });
});
