import { Not } from 'typeorm';
import { ensureAdminAccount } from '../../server/src/modules/account/bootstrap';
import { AuthToken } from '../../server/src/modules/account/auth-token.entity';
import { Role } from '../../server/src/modules/access/role';
import { User } from '../../server/src/modules/account/user.entity';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { unusedLaoCode, freshName, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer, type GqlAuth, type GqlResult } from './harness';
import {
  LoginDocument,
  type CreateLaoInput,
  type CreateUserInput,
  ApiTokensDocument,
  CreateApiTokenDocument,
  CreateApiTokenSecretApiTokenDocument,
  CreateLaoDocument,
  CreateUserDocument,
  LaosOfProvince81Document,
  MeDocument,
  MeIdDocument,
  OutboxDocument,
  ReassignUserDisplayNameDocument,
  ReassignUserDocument,
  ResetUserPasswordDocument,
  RoleOptionsDocument,
  RevokeApiTokenDocument,
  RotateApiTokenDocument,
  SetUserDisabledDisabledDocument,
  SetUserDisabledDocument,
  UnlockUserDocument,
  UsersDocument,
  UsersUsernameLockedDocument,
} from '../gql/graphql';

describe.each(databases)('administration ($name)', ({ url }) => {
  let server: TestServer;
  let adminToken: string;
  beforeAll(async () => {
    server = await TestServer.start(url());
    const admin = await makeUser(server.db, Role.ADMIN);
    adminToken = await signIn(server, admin.username, PASSWORD);
  });
  afterAll(() => server.stop());

  /** Every ADMIN operation, with arguments that would succeed for an admin. */
  async function adminOperations() {
    const target = await makeUser(server.db, Role.LAO_OFFICER);
    const service = await makeUser(server.db, Role.SERVICE);
    const token = await server.db.getRepository(AuthToken).save({
      tokenHash: freshName('h').padEnd(64, '0'),
      userId: service.id,
      kind: 'API' as const,
      name: 'x',
      createdAt: new Date(),
      expiresAt: null,
      revokedAt: null,
    });
    const lao: CreateLaoInput & { code: string } = {
      code: await unusedLaoCode(server.db),
      name: 'องค์การบริหารส่วนตำบลใหม่',
      type: 'SAO',
      size: 'SMALL',
      provinceCode: '80',
      districtCode: '8007',
    };
    return {
      target,
      lao,
      operations: [
        ['createLao', (auth) => server.gql(CreateLaoDocument, { input: lao }, auth)],
        [
          'createUser',
          (auth) => server.gql(CreateUserDocument, { input: { username: freshName('u'), password: 'Password2567', role: 'ADMIN' } }, auth),
        ],
        ['users', (auth) => server.gql(UsersDocument, { s: target.username }, auth)],
        ['setUserDisabled', (auth) => server.gql(SetUserDisabledDocument, { u: target.username }, auth)],
        ['unlockUser', (auth) => server.gql(UnlockUserDocument, { u: target.username }, auth)],
        ['resetUserPassword', (auth) => server.gql(ResetUserPasswordDocument, { u: target.username, p: 'Changed2567' }, auth)],
        [
          'reassignUser',
          (auth) =>
            server.gql(
              ReassignUserDisplayNameDocument,
              { u: target.username, input: { displayName: 'คนใหม่', newPassword: 'Changed2567' } },
              auth,
            ),
        ],
        ['apiTokens', (auth) => server.gql(ApiTokensDocument, { u: service.username }, auth)],
        ['createApiToken', (auth) => server.gql(CreateApiTokenDocument, { u: service.username }, auth)],
        ['rotateApiToken', (auth) => server.gql(RotateApiTokenDocument, { id: String(token.id) }, auth)],
        ['revokeApiToken', (auth) => server.gql(RevokeApiTokenDocument, { id: String(token.id) }, auth)],
        ['outbox', (auth) => server.gql(OutboxDocument, {}, auth)],
      ] as Array<[string, (auth: GqlAuth) => Promise<GqlResult>]>,
    };
  }

  it.each([
    ['an LAO officer', Role.LAO_OFFICER, 'FORBIDDEN'],
    ['a province officer', Role.PROVINCE_OFFICER, 'FORBIDDEN'],
    ['a SERVICE account (read-only)', Role.SERVICE, 'FORBIDDEN'],
    ['someone signed out', null, 'UNAUTHENTICATED'],
  ])('refuses every admin operation to %s and changes nothing', async (_who, role, code) => {
    let token: string | undefined;
    if (role === Role.SERVICE) {
      const svc = await makeUser(server.db, Role.SERVICE);
      const res = await server.gql(CreateApiTokenDocument, { u: svc.username }, { token: adminToken });
      token = res.data!.createApiToken.secret;
    } else if (role) {
      const user = await makeUser(server.db, role);
      token = await signIn(server, user.username, PASSWORD);
    }
    const { target, lao, operations } = await adminOperations();
    // The changes: a token's requests leave rows of their own (apiRequest), one per request.
    const changes = () => server.db.getRepository(AuditLog).countBy({ action: Not('apiRequest') });
    const auditBefore = await changes();
    const requestsBefore = await server.db.getRepository(AuditLog).countBy({ action: 'apiRequest' });
    for (const [name, send] of operations) {
      const res = await send({ token });
      expect([name, codeOf(res)]).toEqual([name, code]);
      expect(res.data).toBeNull();
    }
    expect(await server.db.getRepository(Lao).existsBy({ code: lao.code })).toBe(false);
    expect(await server.db.getRepository(User).findOneByOrFail({ id: target.id })).toMatchObject({
      disabled: false,
      displayName: 'ผู้ทดสอบ',
    });
    await signIn(server, target.username, PASSWORD);
    // Only the sign-in just made has written to the audit log.
    expect(await changes()).toBe(auditBefore + 1);
    const requests = await server.db.getRepository(AuditLog).countBy({ action: 'apiRequest' });
    expect(requests - requestsBefore).toBe(role === Role.SERVICE ? operations.length : 0);
  });

  it('lets an admin do every admin operation, each with its audit row', async () => {
    const { operations } = await adminOperations();
    for (const [name, send] of operations) {
      const res = await send({ token: adminToken });
      expect([name, res.errors]).toEqual([name, undefined]);
    }
    const actions = (await server.db.getRepository(AuditLog).find({ order: { id: 'DESC' }, take: 9 })).map((a) => a.action).reverse();
    expect(actions).toEqual([
      'createLao',
      'createUser',
      'disableUser',
      'unlockUser',
      'resetUserPassword',
      'reassignUser',
      'createApiToken',
      'rotateApiToken',
      'revokeApiToken',
    ]);
  });

  it('publishes the roles an admin may give, with their Thai names and what each needs, and creates accounts by them', async () => {
    const res = await server.gql(RoleOptionsDocument, {}, { token: adminToken });
    expect(res.data!.me!.roleLabel).toBe('ผู้ดูแลระบบ (ส่วนกลาง)');
    expect(res.data!.roleOptions).toEqual([
      { role: 'LAO_OFFICER', label: 'เจ้าหน้าที่ อปท.', shortLabel: 'อปท.', place: 'LAO', credential: 'PASSWORD', unit: null },
      {
        role: 'PROVINCE_OFFICER',
        label: 'เจ้าหน้าที่ สำนักงาน ป.ป.ช. ประจำจังหวัด',
        shortLabel: 'ป.ป.ช. จังหวัด',
        place: 'PROVINCE',
        credential: 'PASSWORD',
        unit: null,
      },
      {
        role: 'ADMIN',
        label: 'ผู้ดูแลระบบ (ส่วนกลาง)',
        shortLabel: 'ผู้ดูแลระบบ',
        place: 'NONE',
        credential: 'PASSWORD',
        unit: 'สำนักพัฒนาและส่งเสริมธรรมาภิบาล',
      },
      {
        role: 'SERVICE',
        label: 'ระบบงานภายนอก (API)',
        shortLabel: 'ระบบงานภายนอก',
        place: 'NONE',
        credential: 'API_TOKEN',
        unit: 'ระบบงานภายนอก (API)',
      },
    ]);
    // Each role is created with what it says it needs, and refused without it.
    const lao = (await makeUser(server.db, Role.LAO_OFFICER)).laoCode!;
    for (const option of res.data!.roleOptions) {
      const needs = {
        laoCode: option.place === 'LAO' ? lao : null,
        provinceCode: option.place === 'PROVINCE' ? '81' : null,
        password: option.credential === 'PASSWORD' ? 'Strong#Pass2567' : null,
      };
      const required = Object.keys(needs).filter((k) => needs[k as keyof typeof needs] !== null);
      const bare = await server.gql(CreateUserDocument, { input: { username: freshName('r'), role: option.role } }, { token: adminToken });
      const missing = bare.errors?.[0]?.extensions?.fields ?? [];
      expect(missing.map((f) => f.field).sort()).toEqual(required.sort());
      const made = await server.gql(
        CreateUserDocument,
        { input: { username: freshName('r'), role: option.role, ...needs } },
        { token: adminToken },
      );
      expect(made.errors).toBeUndefined();
      expect(made.data!.createUser).toMatchObject({ role: option.role, laoCode: needs.laoCode });
    }
  });

  it('creates an LAO and its officer, who can then sign in and see the LAO in the header', async () => {
    const code = await unusedLaoCode(server.db);
    const lao = await server.gql(
      CreateLaoDocument,
      {
        input: { code, name: 'เทศบาลตำบลทดลอง', type: 'SUBDISTRICT_MUNICIPALITY', size: 'LARGE', provinceCode: '81', districtCode: '8103' },
      },
      { token: adminToken },
    );
    expect(lao.data!.createLao).toEqual({
      code,
      name: 'เทศบาลตำบลทดลอง',
      type: 'SUBDISTRICT_MUNICIPALITY',
      size: 'LARGE',
      province: { name: 'กระบี่' },
      district: { name: 'เกาะลันตา' },
    });
    const user = await server.gql(
      CreateUserDocument,
      {
        input: {
          username: code,
          password: 'Officer2567',
          role: 'LAO_OFFICER',
          laoCode: code,
          email: 'o@example.go.th',
          displayName: 'นายทดลอง',
        },
      },
      { token: adminToken },
    );
    expect(user.data!.createUser).toMatchObject({ username: code, role: 'LAO_OFFICER', laoCode: code, provinceCode: '81' });
    const officer = await signIn(server, code, 'Officer2567');
    const me = await server.gql(MeDocument, {}, { token: officer });
    expect(me.data!.me!.lao).toEqual({ name: 'เทศบาลตำบลทดลอง', district: { name: 'เกาะลันตา' }, province: { name: 'กระบี่' } });
    const row = await server.db.getRepository(User).findOneByOrFail({ username: code });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it.each<[string, Partial<CreateLaoInput>, string, string]>([
    ['a code that is not 7 digits', { code: '12345' }, 'code', 'รหัส อปท. ต้องเป็นตัวเลข 7 หลัก'],
    ['an empty name', { name: '' }, 'name', 'กรุณากรอกชื่อ อปท.'],
    ['a district of another province', { districtCode: '8103' }, 'districtCode', 'อำเภอที่เลือกไม่อยู่ในจังหวัดที่เลือก'],
    ['a district that does not exist', { districtCode: '8099' }, 'districtCode', 'ไม่พบอำเภอรหัสนี้'],
    ['a code already in the registry', { code: 'EXISTING' }, 'code', 'มี อปท. รหัสนี้ในระบบแล้ว'],
  ])('refuses createLao with %s', async (_case, change, field, message) => {
    const existing = await makeUser(server.db, Role.LAO_OFFICER);
    const input: CreateLaoInput = {
      code: await unusedLaoCode(server.db),
      name: 'อบต.ทดสอบ',
      type: 'SAO',
      size: 'SMALL',
      provinceCode: '80',
      districtCode: '8007',
      ...change,
    };
    if (input.code === 'EXISTING') input.code = existing.laoCode!;
    const res = await server.gql(CreateLaoDocument, { input }, { token: adminToken });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toContainEqual({ field, message });
  });

  it.each<[string, Partial<CreateUserInput>, string, string]>([
    ['an LAO officer without an LAO', { role: 'LAO_OFFICER' }, 'laoCode', 'กรุณาระบุ อปท. ของผู้ใช้งาน'],
    ['an LAO that does not exist', { role: 'LAO_OFFICER', laoCode: '9999999' }, 'laoCode', 'ไม่พบ อปท. รหัสนี้'],
    ['a province officer without a province', { role: 'PROVINCE_OFFICER' }, 'provinceCode', 'กรุณาระบุจังหวัดของผู้ใช้งาน'],
    ['a province that does not exist', { role: 'PROVINCE_OFFICER', provinceCode: '99' }, 'provinceCode', 'ไม่พบจังหวัดรหัสนี้'],
    ['an admin tied to an LAO', { role: 'ADMIN', laoCode: '6800707' }, 'laoCode', 'ระบุ อปท. ได้เฉพาะบัญชีเจ้าหน้าที่ อปท.'],
    ['no password', { role: 'ADMIN', password: null }, 'password', 'กรุณากำหนดรหัสผ่าน (ทุกบัญชีต้องมีรหัสผ่าน ยกเว้นบัญชีระบบงาน SERVICE)'],
    ['a weak password', { role: 'ADMIN', password: 'abc' }, 'password', 'รหัสผ่านต้องมี 8–128 ตัวอักษร และมีทั้งตัวอักษรและตัวเลข'],
    ['a password on a SERVICE account', { role: 'SERVICE' }, 'password', 'บัญชีระบบงาน (SERVICE) ใช้ API token แทนรหัสผ่าน'],
    ['a username with spaces', { role: 'ADMIN', username: 'a b c' }, 'username', 'ชื่อผู้ใช้งานต้องมี 3–64 ตัว ใช้ได้เฉพาะ a–z, 0–9, จุด ขีด และขีดล่าง'],
    ['a taken username', { role: 'ADMIN', username: 'TAKEN' }, 'username', 'มีชื่อผู้ใช้งานนี้ในระบบแล้ว'],
    ['a bad e-mail', { role: 'ADMIN', email: 'not-an-email' }, 'email', 'รูปแบบอีเมลไม่ถูกต้อง'],
  ])('refuses createUser with %s', async (_case, change, field, message) => {
    const taken = await makeUser(server.db, Role.ADMIN);
    // Every case names the role; ADMIN only stands in for the type.
    const input: CreateUserInput = { role: 'ADMIN', username: freshName('new'), password: 'Password2567', ...change };
    if (input.username === 'TAKEN') input.username = taken.username;
    const before = await server.db.getRepository(User).count();
    const res = await server.gql(CreateUserDocument, { input }, { token: adminToken });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toContainEqual({ field, message });
    expect(await server.db.getRepository(User).count()).toBe(before);
  });

  it('disabling ends the account’s sessions; enabling lets it sign in again', async () => {
    const user = await makeUser(server.db, Role.PROVINCE_OFFICER);
    const session = await signIn(server, user.username, PASSWORD);
    await server.gql(SetUserDisabledDocument, { u: user.username }, { token: adminToken });
    expect((await server.gql(MeIdDocument, {}, { token: session })).data!.me).toBeNull();
    expect(codeOf(await server.gql(LoginDocument, { username: user.username, password: PASSWORD }))).toBe('FORBIDDEN');
    await server.gql(SetUserDisabledDisabledDocument, { u: user.username }, { token: adminToken });
    await signIn(server, user.username, PASSWORD);
  });

  it('finds accounts by part of the username, taking % and _ literally', async () => {
    const prefix = freshName('pct');
    const a = await makeUser(server.db, Role.ADMIN, { username: `${prefix}_50%` });
    await makeUser(server.db, Role.ADMIN, { username: `${prefix}x50y` });
    const res = await server.gql(UsersDocument, { s: `${prefix}_50%` }, { token: adminToken });
    expect(res.data!.users).toEqual([{ username: a.username }]);
  });

  it('unlocks a locked account before its five minutes are up', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    for (let i = 0; i < 5; i++) await server.gql(LoginDocument, { username: user.username, password: 'wrong-pass-7' });
    const locked = await server.gql(UsersUsernameLockedDocument, { s: user.username }, { token: adminToken });
    expect(locked.data!.users).toEqual([{ username: user.username, locked: true }]);
    await server.gql(UnlockUserDocument, { u: user.username }, { token: adminToken });
    await signIn(server, user.username, PASSWORD);
  });

  it('staff transfer: the account passes to a new officer, the old holder is signed out', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const old = await signIn(server, user.username, PASSWORD);
    const res = await server.gql(ReassignUserDocument, { u: user.username }, { token: adminToken });
    expect(res.data!.reassignUser).toEqual({ displayName: 'นางสาวใหม่ ใจดี', email: 'new@example.go.th' });
    expect((await server.gql(MeIdDocument, {}, { token: old })).data!.me).toBeNull();
    await signIn(server, user.username, 'Transfer2567');
  });

  it('API tokens: shown once, stored hashed, read-only nationwide, revocable', async () => {
    const svc = await makeUser(server.db, Role.SERVICE);
    expect(codeOf(await server.gql(LoginDocument, { username: svc.username, password: 'anything1' }))).toBe('UNAUTHENTICATED');
    const created = await server.gql(CreateApiTokenSecretApiTokenDocument, { u: svc.username }, { token: adminToken });
    const { secret, apiToken } = created.data!.createApiToken;
    expect(secret).toMatch(/^[\w-]{43}$/);
    const stored = await server.db.getRepository(AuthToken).findOneByOrFail({ id: Number(apiToken.id) });
    expect(stored.tokenHash).not.toContain(secret);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const listed = await server.gql(ApiTokensDocument, { u: svc.username }, { token: adminToken });
    expect(JSON.stringify(listed.data)).not.toContain(secret);

    const laos = await server.gql(LaosOfProvince81Document, {}, { token: secret });
    expect(laos.errors).toBeUndefined();
    const write = await server.gql(
      CreateLaoDocument,
      { input: { code: await unusedLaoCode(server.db), name: 'x', type: 'SAO', size: 'SMALL', provinceCode: '80', districtCode: '8007' } },
      { token: secret },
    );
    expect(codeOf(write)).toBe('FORBIDDEN');

    await server.gql(RevokeApiTokenDocument, { id: apiToken.id }, { token: adminToken });
    expect((await server.gql(MeIdDocument, {}, { token: secret })).data!.me).toBeNull();
  });

  it('ADMIN_USERNAME at start creates the admin, or resets its password', async () => {
    const username = freshName('boot');
    await ensureAdminAccount(server.db, username, 'FirstPass2567');
    await signIn(server, username, 'FirstPass2567');
    await ensureAdminAccount(server.db, username, 'SecondPass2567');
    await signIn(server, username, 'SecondPass2567');
    expect((await server.db.getRepository(User).findOneByOrFail({ username })).role).toBe(Role.ADMIN);
  });
});
