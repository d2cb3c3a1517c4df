import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { In } from 'typeorm';
import { Role } from '../../server/src/modules/access/role';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { PlanYear } from '../../server/src/modules/plan-year/plan-year.entity';
import { User } from '../../server/src/modules/account/user.entity';
import { unusedLaoCode, freshName, makeLao, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';
import {
  CreateUserIdDocument,
  ImportLaosDocument,
  ImportLaosOkDocument,
  ImportPlanYearsDocument,
  ImportPlanYearsOkDocument,
  ImportUsersDocument,
  ImportUsersOkDocument,
  ImportUsersOkMessagesDocument,
  type LaoImportRow,
  type UserImportRow,
  type PlanYearImportRow,
  type CreateUserInput,
} from '../gql/graphql';

/** A zip file (what an XLSX is) of the given parts, deflated; `declared` is the unpacked size its directory claims. */
function zip(parts: Array<{ name: string; data: Buffer; declared?: number }>): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const packed = deflateRawSync(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(part.declared ?? part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(part.declared ?? part.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    directory.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
    const parsed = (await res.json()) as { rows: LaoImportRow[]; unknownColumns: string[] };
    expect(parsed.unknownColumns).toEqual(['หมายเหตุ']);
    expect(parsed.rows[0]).toMatchObject({ row: '2', code: a, type: 'อบต.', address: 'ม.1, ต.ขอนหาด' });

    const imported = await server.gql(ImportLaosDocument, { rows: parsed.rows }, { token: admin });
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
    const parsed = (await res.json()) as { rows: UserImportRow[] };
    const imported = await server.gql(ImportUsersDocument, { rows: parsed.rows }, { token: admin });
    expect(imported.data!.importUsers).toEqual([
      { row: 2, ok: true, messages: [] },
      { row: 3, ok: false, messages: ['กรุณากำหนดรหัสผ่าน (ทุกบัญชีต้องมีรหัสผ่าน ยกเว้นบัญชีระบบงาน SERVICE)'] },
      { row: 4, ok: false, messages: ['ไม่พบจังหวัดรหัสนี้'] },
    ]);
    await signIn(server, username, 'Import2567');
  });

  it('refuses in a file exactly the accounts the form refuses, with the same messages', async () => {
    const lao = await makeLao(server.db);
    const named = freshName('pw');
    const rows: CreateUserInput[] = [
      { username: freshName('svc'), password: 'Service2567', role: 'SERVICE' },
      { username: named, password: `Pw2567${named}`, role: 'LAO_OFFICER', laoCode: lao.code },
      { username: freshName('adm'), password: 'Admin2567x', role: 'ADMIN', laoCode: lao.code },
    ];
    const imported = await server.gql(
      ImportUsersOkMessagesDocument,
      { rows: rows.map((r, i) => ({ row: String(i + 2), ...r })) },
      { token: admin },
    );
    const created = await Promise.all(rows.map((r) => server.gql(CreateUserIdDocument, { input: r }, { token: admin })));
    const formMessages = created.map((res) => res.errors?.[0]?.extensions?.fields?.map((f: { message: string }) => f.message));
    expect(imported.data!.importUsers.map((r: { messages: string[] }) => r.messages)).toEqual(formMessages);
    expect(formMessages).toEqual([
      ['บัญชีระบบงาน (SERVICE) ใช้ API token แทนรหัสผ่าน'],
      ['รหัสผ่านต้องไม่มีชื่อผู้ใช้งานอยู่ในรหัสผ่าน'],
      ['ระบุ อปท. ได้เฉพาะบัญชีเจ้าหน้าที่ อปท.'],
    ]);
    expect(await server.db.getRepository(User).countBy({ username: In(rows.map((r) => r.username)) })).toBe(0);
  });

  it('imports baseline and minimum counts in bulk', async () => {
    const lao = await makeLao(server.db);
    const csv = `laoCode,fiscalYear,baselineCount,minimumCount\n${lao.code},2568,20,15\n${lao.code},2569,,10\n0000000,2568,1,1\n${lao.code},68,1,1\n`;
    const parsed = (await (await upload('plan-years', csv)).json()) as { rows: PlanYearImportRow[] };
    const imported = await server.gql(ImportPlanYearsDocument, { rows: parsed.rows }, { token: admin });
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
    // The users template marks the password required, and a file without its column is refused as a whole.
    const noPassword = await upload('users', 'username,role\nsomeone,ADMIN');
    expect(noPassword.status).toBe(400);
    expect(((await noPassword.json()) as { message: string }).message).toBe('ไฟล์ไม่มีคอลัมน์: รหัสผ่าน');
    const tooMany = Array.from({ length: 201 }, (_, i) => ({ row: String(i + 2), laoCode: '1' }));
    expect(codeOf(await server.gql(ImportPlanYearsOkDocument, { rows: tooMany }, { token: admin }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(ImportPlanYearsOkDocument, { rows: [{ row: '2' }] }, { token }))).toBe('FORBIDDEN');
  });

  it('refuses a zip bomb: an XLSX that unpacks to more than 40 MB, even when its directory claims less, or has thousands of parts', async () => {
    const sheet = (data: Buffer, declared?: number) =>
      zip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/worksheets/sheet1.xml', data, declared },
      ]);
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const message = 'ไฟล์ Excel นี้เมื่อขยายออกมีขนาดเกิน 40 MB หรือมีส่วนประกอบมากผิดปกติ ระบบจึงไม่อ่านไฟล์นี้ กรุณาตรวจสอบไฟล์หรือแบ่งเป็นหลายไฟล์';
    for (const bomb of [
      sheet(zeros),
      sheet(zeros, 1024),
      zip(Array.from({ length: 1000 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: Buffer.from('x') }))),
    ]) {
      expect(bomb.length).toBeLessThan(200 * 1024);
      const res = await upload('laos', bomb, XLSX);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ message });
    }
  });

  it('refuses a CSV or XLSX of more than 20,000 rows before reading it, and a file over 8 MB before receiving it all', async () => {
    const header = 'รหัส อปท.,ชื่อ อปท.,ประเภท,ขนาด,รหัสจังหวัด,รหัสอำเภอ';
    const message = 'ไฟล์มีข้อมูลเกิน 20,000 แถว กรุณาแบ่งเป็นหลายไฟล์แล้วนำเข้าทีละไฟล์';
    const csv = [header, ...Array.from({ length: 20_001 }, (_, i) => `${9000000 + i},ชื่อ,อบต.,เล็ก,80,8007`)].join('\r\n');
    const tooLong = await upload('laos', csv);
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({ message });
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('laos');
    ws.addRow(header.split(','));
    for (let i = 0; i <= 20_000; i++) ws.addRow([String(9000000 + i), 'ชื่อ']);
    const longBook = await upload('laos', Buffer.from(await book.xlsx.writeBuffer()), XLSX);
    expect(longBook.status).toBe(400);
    expect(await longBook.json()).toEqual({ message });
    // Exactly 20,000 rows are read.
    const fits = await upload('laos', csv.slice(0, csv.lastIndexOf('\r\n')));
    expect(fits.status).toBe(200);
    expect(((await fits.json()) as { rows: unknown[] }).rows).toHaveLength(20_000);

    const huge = `${header}\n${'x'.repeat(9 * 1024 * 1024)}`;
    const big = await upload('laos', huge);
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ message: 'ไฟล์มีขนาดเกิน 8 MB กรุณาแบ่งเป็นหลายไฟล์แล้วนำเข้าทีละไฟล์' });
    // Signed out, the file is refused for who sends it, not read.
    const anonymous = await fetch(`${server.url}/import/laos`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: huge });
    expect(anonymous.status).toBe(401);
  });

  it('records each imported record in the audit log with its values before and after', async () => {
    const existing = await makeLao(server.db, { name: 'ชื่อก่อนนำเข้า' });
    const fresh = await unusedLaoCode(server.db);
    const rows = [
      { row: '2', code: existing.code, name: 'ชื่อหลังนำเข้า', type: 'อบต.', size: 'เล็ก', provinceCode: '80', districtCode: '8007' },
      { row: '3', code: fresh, name: 'องค์การบริหารส่วนตำบลใหม่', type: 'อบต.', size: 'กลาง', provinceCode: '80', districtCode: '8007' },
    ];
    await server.gql(ImportLaosOkDocument, { rows }, { token: admin });
    const laoRows = await server.db.getRepository(AuditLog).find({
      where: { action: 'importLaos', targetId: In([existing.code, fresh]) },
      order: { id: 'ASC' },
    });
    expect(laoRows.map((r) => [r.targetType, r.targetId, r.laoCode, r.provinceCode])).toEqual([
      ['Lao', existing.code, existing.code, '80'],
      ['Lao', fresh, fresh, '80'],
    ]);
    expect(JSON.parse(laoRows[0].before!)).toMatchObject({ code: existing.code, name: 'ชื่อก่อนนำเข้า', size: 'MEDIUM' });
    expect(JSON.parse(laoRows[0].after!)).toMatchObject({ code: existing.code, name: 'ชื่อหลังนำเข้า', size: 'SMALL' });
    expect(laoRows[1].before).toBeNull();
    expect(JSON.parse(laoRows[1].after!)).toMatchObject({ code: fresh, name: 'องค์การบริหารส่วนตำบลใหม่', size: 'MEDIUM' });

    await server.gql(
      ImportPlanYearsOkDocument,
      { rows: [{ row: '2', laoCode: existing.code, fiscalYear: '2568', baselineCount: '20', minimumCount: '' }] },
      { token: admin },
    );
    await server.gql(
      ImportPlanYearsOkDocument,
      { rows: [{ row: '2', laoCode: existing.code, fiscalYear: '2568', baselineCount: '', minimumCount: '15' }] },
      { token: admin },
    );
    const years = await server.db
      .getRepository(AuditLog)
      .find({ where: { action: 'importPlanYears', targetId: `${existing.code}:2568` }, order: { id: 'ASC' } });
    expect(years.map((r) => [r.before && JSON.parse(r.before), JSON.parse(r.after!)])).toEqual([
      [null, { laoCode: existing.code, fiscalYear: 2568, baselineCount: 20, minimumCount: null }],
      [
        { laoCode: existing.code, fiscalYear: 2568, baselineCount: 20, minimumCount: null },
        { laoCode: existing.code, fiscalYear: 2568, baselineCount: 20, minimumCount: 15 },
      ],
    ]);

    const username = freshName('imp');
    const lao = await makeLao(server.db);
    await server.gql(
      ImportUsersOkDocument,
      { rows: [{ row: '2', username, password: 'Import2567', role: 'LAO_OFFICER', laoCode: lao.code }] },
      { token: admin },
    );
    const [created] = await server.db.getRepository(AuditLog).find({ where: { action: 'importUsers', laoCode: lao.code } });
    expect(JSON.parse(created.after!)).toMatchObject({ username, role: 'LAO_OFFICER', laoCode: lao.code });
    expect(created.after).not.toMatch(/argon2|Import2567|passwordHash/);
  });
});
