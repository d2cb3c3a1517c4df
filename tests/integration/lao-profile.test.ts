import { Role } from '../../server/src/modules/access/role';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';
import {
  LaoAwardsAwardsDocument,
  LaoCanEditDocument,
  LaoDocument,
  LaoPopulationAddressDocument,
  SetAwardsDocument,
  UpdateLaoProfileDocument,
  type LaoProfileInput,
} from '../gql/graphql';

const profile = (over: Partial<LaoProfileInput> = {}): LaoProfileInput => ({
  size: 'MEDIUM',
  address: '789 ม.3 ต.แม่น้ำคู้ อ.ปลวกแดง จ.ระยอง',
  areaKm2: 12.345,
  population: 10457,
  revenue: '60845400',
  subsidyRevenue: '22972760.50',
  executiveName: 'นายประยงค์ หนูบุญคง',
  chiefAdministratorName: 'นางสุภาพร จุลเรือง',
  website: 'www.maenamkoo.go.th',
  coordinatorName: 'นางสาวอนุศาสน์ อภัยรัตน์',
  coordinatorPosition: 'นักจัดการงานทั่วไปชำนาญการ',
  coordinatorDepartment: 'สำนักงานปลัด อบต.',
  coordinatorPhone: '038010800',
  coordinatorMobile: '081-234-5678',
  coordinatorFax: '038010800 ต่อ 12',
  coordinatorEmail: 'saraban@maenamkoo.go.th',
  ...over,
});

describe.each(databases)('LAO basic data and awards ($name)', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url());
  });
  afterAll(() => server.stop());

  it('saves every field of ข้อมูลพื้นฐาน and reads it back exactly', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const token = await signIn(server, user.username, PASSWORD);
    const res = await server.gql(UpdateLaoProfileDocument, { c: user.laoCode, input: profile() }, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateLaoProfile).toEqual({ ...profile(), revenue: '60845400.00', subsidyRevenue: '22972760.50' });
    const read = await server.gql(LaoDocument, { c: user.laoCode }, { token });
    expect(read.data!.lao).toEqual({ areaKm2: 12.345, revenue: '60845400.00', population: 10457 });
    expect(await server.db.getRepository(AuditLog).countBy({ action: 'updateLaoProfile', laoCode: user.laoCode! })).toBe(1);
  });

  it.each([
    ['an area with four decimals', { areaKm2: 1.2345 }, 'areaKm2', 'ขนาดพื้นที่ใส่ทศนิยมได้ไม่เกิน 3 ตำแหน่ง'],
    ['a negative area', { areaKm2: -1 }, 'areaKm2', 'ขนาดพื้นที่ต้องไม่ติดลบ'],
    ['a negative population', { population: -5 }, 'population', 'ประชากรต้องไม่ติดลบ'],
    ['a negative revenue', { revenue: '-1.00' }, 'revenue', 'รายได้ต้องไม่ติดลบ'],
    ['a bad e-mail', { coordinatorEmail: 'at-nowhere' }, 'coordinatorEmail', 'รูปแบบอีเมลไม่ถูกต้อง'],
    [
      'letters in a phone number',
      { coordinatorPhone: 'call me' },
      'coordinatorPhone',
      'หมายเลขโทรศัพท์ใช้ได้เฉพาะตัวเลข + - ( ) และคำว่า "ต่อ" ไม่เกิน 32 ตัว',
    ],
    ['a bad website', { website: 'not a site' }, 'website', 'รูปแบบเว็บไซต์ไม่ถูกต้อง เช่น www.khonhat.go.th'],
  ])('refuses %s and changes nothing', async (_case, change, field, message) => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const token = await signIn(server, user.username, PASSWORD);
    const res = await server.gql(UpdateLaoProfileDocument, { c: user.laoCode, input: profile(change) }, { token });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toContainEqual({ field, message });
    const read = await server.gql(LaoPopulationAddressDocument, { c: user.laoCode }, { token });
    expect(read.data!.lao).toEqual({ population: null, address: null });
  });

  it('keeps the awards of each fiscal year, replaced as a set; อื่น ๆ needs its name', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const token = await signIn(server, user.username, PASSWORD);
    const first = await server.gql(
      SetAwardsDocument,
      { c: user.laoCode, y: 2563, a: [{ kind: 'KPI' }, { kind: 'OTHER', text: 'รางวัลองค์กรโปร่งใส' }] },
      { token },
    );
    expect(first.data!.setAwards).toEqual([
      { fiscalYear: 2563, kind: 'KPI', text: null },
      { fiscalYear: 2563, kind: 'OTHER', text: 'รางวัลองค์กรโปร่งใส' },
    ]);
    await server.gql(SetAwardsDocument, { c: user.laoCode, y: 2564, a: [{ kind: 'OPDC' }] }, { token });
    await server.gql(SetAwardsDocument, { c: user.laoCode, y: 2563, a: [{ kind: 'DECENTRALIZATION' }] }, { token });
    const read = await server.gql(LaoAwardsAwardsDocument, { c: user.laoCode }, { token });
    expect(read.data!.lao).toEqual({ a: [{ kind: 'DECENTRALIZATION' }], b: [{ kind: 'OPDC' }] });

    const noText = await server.gql(SetAwardsDocument, { c: user.laoCode, y: 2565, a: [{ kind: 'OTHER', text: ' ' }] }, { token });
    expect(codeOf(noText)).toBe('BAD_USER_INPUT');
    expect(noText.errors![0].extensions!.fields).toEqual([{ field: 'awards.0.text', message: 'กรุณาระบุชื่อรางวัลอื่น ๆ' }]);
    const twice = await server.gql(SetAwardsDocument, { c: user.laoCode, y: 2565, a: [{ kind: 'KPI' }, { kind: 'KPI' }] }, { token });
    expect(twice.errors![0].extensions!.fields).toEqual([{ field: 'awards.1.kind', message: 'เลือกรางวัลแต่ละประเภทได้ครั้งเดียว' }]);
  });

  it('a province officer reads the basic data of its province but cannot change it', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const province = await makeUser(server.db, Role.PROVINCE_OFFICER, { provinceCode: '80' });
    const token = await signIn(server, province.username, PASSWORD);
    expect((await server.gql(LaoCanEditDocument, { c: user.laoCode }, { token })).data!.lao).toEqual({
      code: user.laoCode,
      canEdit: false,
    });
    expect(codeOf(await server.gql(UpdateLaoProfileDocument, { c: user.laoCode, input: profile() }, { token }))).toBe('FORBIDDEN');
  });
});
