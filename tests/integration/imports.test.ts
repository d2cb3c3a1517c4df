import ExcelJS from 'exceljs';
import { Role } from '../../server/src/modules/account/role';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { PlanYear } from '../../server/src/modules/plan-year/plan-year.entity';
import { unusedLaoCode, freshName, makeLao, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';

describe.each(databases)('imports from CSV and XLSX ($name)', ({ url }) => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await TestServer.start(url());
    admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
  });
  afterAll(() => server.stop());

  const upload = (kind: string, body: Buffer | string, type = 'text/csv', token = admin) =>
    fetch(`${server.url}/import/${kind}`, {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${token}` },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });

  it('reads an LAO registry CSV (Thai headers) and imports it row by row, reporting the bad rows in Thai', async () => {
    const [a, b, existing] = [await unusedLaoCode(server.db), await unusedLaoCode(server.db), await makeLao(server.db, { name: 'ชื่อเดิม' })];
    const csv = [
      'รหัส อปท.,ชื่อ อปท.,ประเภท,ขนาด,รหัสจังหวัด,รหัสอำเภอ,ที่ตั้ง,หมายเหตุ',
      `${a},องค์การบริหารส่วนตำบลนำเข้า,อบต.,เล็ก,80,8007,"ม.1, ต.ขอนหาด",`,
      `${b},เทศบาลตำบลนำเข้า,SUBDISTRICT_MUNICIPALITY,LARGE,81,8007,,`,
      `${existing.code},ชื่อใหม่,อบต.,กลาง,80,8007,,`,
      `12345,ไม่ครบเจ็ดหลัก,อบต.,เล็ก,80,8007,,`,
      `${a},ซ้ำ,อบต.,เล็ก,80,8007,,`,
    ].join('\r\n');
    const res = await upload('laos', csv);
    expect(res.status).toBe(200);
    const parsed = (await res.json()) as { rows: Array<Record<string, string>>; unknownColumns: string[] };
    expect(parsed.unknownColumns).toEqual(['หมายเหตุ']);
    expect(parsed.rows[0]).toMatchObject({ row: '2', code: a, type: 'อบต.', address: 'ม.1, ต.ขอนหาด' });

    const imported = await server.gql(
      'mutation($rows: [LaoImportRow!]!) { importLaos(rows: $rows) { row ok outcome messages } }',
      { rows: parsed.rows },
      { token: admin },
    );
    expect(imported.data!.importLaos).toEqual([
      { row: 2, ok: true, outcome: 'CREATED', messages: [] },
      { row: 3, ok: false, outcome: null, messages: ['อำเภอที่ระบุไม่อยู่ในจังหวัดที่ระบุ'] },
      { row: 4, ok: true, outcome: 'UPDATED', messages: [] },
      { row: 5, ok: false, outcome: null, messages: ['รหัส อปท. ต้องเป็นตัวเลข 7 หลัก'] },
      { row: 6, ok: false, outcome: null, messages: ['รหัส อปท. ซ้ำกับแถวก่อนหน้าในไฟล์'] },
    ]);
    expect(await server.db.getRepository(Lao).findOneByOrFail({ code: a })).toMatchObject({
      name: 'องค์การบริหารส่วนตำบลนำเข้า',
      type: 'SAO',
      size: 'SMALL',
      address: 'ม.1, ต.ขอนหาด',
    });
    expect(await server.db.getRepository(Lao).existsBy({ code: b })).toBe(false);
    expect((await server.db.getRepository(Lao).findOneByOrFail({ code: existing.code })).name).toBe('ชื่อใหม่');
  });

  it('reads users from an XLSX file; the imported officer signs in', async () => {
    const lao = await makeLao(server.db);
    const username = freshName('imp');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('users');
    sheet.addRow(['username', 'password', 'role', 'laoCode', 'provinceCode', 'email', 'displayName']);
    sheet.addRow([username, 'Import2567', 'LAO_OFFICER', lao.code, '', 'imp@example.go.th', 'นางสาวนำเข้า']);
    sheet.addRow([freshName('imp'), '', 'ADMIN', '', '', '', '']);
    sheet.addRow([freshName('imp'), 'Import2567', 'PROVINCE_OFFICER', '', '99', '', '']);
    const res = await upload(
      'users',
      Buffer.from(await book.xlsx.writeBuffer()),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const parsed = (await res.json()) as { rows: unknown[] };
    const imported = await server.gql(
      'mutation($rows: [UserImportRow!]!) { importUsers(rows: $rows) { row ok messages } }',
      { rows: parsed.rows },
      { token: admin },
    );
    expect(imported.data!.importUsers).toEqual([
      { row: 2, ok: true, messages: [] },
      { row: 3, ok: false, messages: ['กรุณากำหนดรหัสผ่าน'] },
      { row: 4, ok: false, messages: ['ไม่พบจังหวัดรหัสนี้'] },
    ]);
    await signIn(server, username, 'Import2567');
  });

  it('imports baseline and minimum counts in bulk', async () => {
    const lao = await makeLao(server.db);
    const csv = `laoCode,fiscalYear,baselineCount,minimumCount\n${lao.code},2568,20,15\n${lao.code},2569,,10\n0000000,2568,1,1\n${lao.code},68,1,1\n`;
    const parsed = (await (await upload('plan-years', csv)).json()) as { rows: unknown[] };
    const imported = await server.gql(
      'mutation($rows: [PlanYearImportRow!]!) { importPlanYears(rows: $rows) { row ok messages } }',
      { rows: parsed.rows },
      { token: admin },
    );
    expect(imported.data!.importPlanYears.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false, false]);
    const saved = await server.db.getRepository(PlanYear).find({ where: { laoCode: lao.code }, order: { fiscalYear: 'ASC' } });
    expect(saved.map((p) => [p.fiscalYear, p.baselineCount, p.minimumCount])).toEqual([
      [2568, 20, 15],
      [2569, null, 10],
    ]);
  });

  it('refuses the upload to anyone but ADMIN, a form post, a file without the needed columns, and more than 200 rows a call', async () => {
    const officer = await makeUser(server.db, Role.PROVINCE_OFFICER);
    const token = await signIn(server, officer.username, PASSWORD);
    expect((await upload('laos', 'code\n1', 'text/csv', token)).status).toBe(403);
    expect((await upload('laos', 'code\n1', 'text/plain')).status).toBe(400);
    const missing = await upload('laos', 'code,name\n1,x');
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { message: string }).message).toBe('ไฟล์ไม่มีคอลัมน์: ประเภท, ขนาด, รหัสจังหวัด, รหัสอำเภอ');
    const tooMany = Array.from({ length: 201 }, (_, i) => ({ row: String(i + 2), laoCode: '1' }));
    expect(
      codeOf(
        await server.gql(
          'mutation($rows: [PlanYearImportRow!]!) { importPlanYears(rows: $rows) { ok } }',
          { rows: tooMany },
          { token: admin },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await server.gql(
          'mutation($rows: [PlanYearImportRow!]!) { importPlanYears(rows: $rows) { ok } }',
          { rows: [{ row: '2' }] },
          { token },
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
