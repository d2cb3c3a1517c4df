import { IsNull } from 'typeorm';
import { Role } from '../../server/src/modules/access/role';
import { User } from '../../server/src/modules/account/user.entity';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';
import { postTrusted } from '../support/post-gql';
import { ChangePassword2Document, ChangePasswordDocument, LoginDocument, LogoutDocument, MeUsernameRoleLaoDocument } from '../gql/graphql';

describe.each(databases)('sign-in and sessions ($name)', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url());
  });
  afterAll(() => server.stop());

  it('signs in with username and password, sets an httpOnly session cookie, and shows the LAO', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const res = await server.gql(LoginDocument, { username: user.username, password: PASSWORD });
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.user).toMatchObject({ username: user.username, role: 'LAO_OFFICER', laoCode: user.laoCode });
    expect(res.setCookie).toMatch(/^eplan_session=[\w-]+;.*HttpOnly/);
    expect(res.setCookie).toMatch(/SameSite=Lax/);
    const cookie = res.setCookie!.split(';')[0];
    // The browser's session runs the web client's own operations, sent by their trusted-document ids.
    const me = await postTrusted(server.url, 'Me', {}, { cookie });
    expect(me.data!.me).toMatchObject({
      username: user.username,
      lao: { district: { name: 'ชะอวด' }, province: { name: 'นครศรีธรรมราช' } },
    });
    const viaBearer = await server.gql(MeUsernameRoleLaoDocument, {}, { token: res.data!.login.token });
    expect(viaBearer.data!.me!.username).toBe(user.username);
  });

  it('answers a wrong password for a known username and any password for an unknown one alike, down to the lock', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const unknownName = `9${user.username.slice(1)}x`;
    for (let i = 1; i <= 6; i++) {
      const wrong = await server.gql(LoginDocument, { username: user.username, password: `wrong-${i}-pass` });
      const unknown = await server.gql(LoginDocument, { username: unknownName, password: `wrong-${i}-pass` });
      expect({ ...unknown, headers: undefined }).toEqual({ ...wrong, headers: undefined });
      if (i === 1) {
        expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
        expect(wrong.errors![0].message).toBe('ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง (เหลือโอกาสอีก 4 ครั้ง ก่อนบัญชีจะถูกล็อก 5 นาที)');
        expect(wrong.errors![0].extensions!.remainingAttempts).toBe(4);
      }
      if (i >= 5) expect(codeOf(unknown)).toBe('LOCKED');
    }
    const failures = await server.db.getRepository(AuditLog).find({ where: { action: 'loginFailed', targetId: IsNull() } });
    expect(failures.filter((a) => a.after?.includes(unknownName)).map((a) => JSON.parse(a.after!).reason)).toEqual([
      ...Array(5).fill('unknown username'),
      'locked',
    ]);
  });

  it('locks the account after five wrong passwords in a row, for five minutes, even for the right password', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const remaining: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await server.gql(LoginDocument, { username: user.username, password: `wrong-${i}-pass` });
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
      remaining.push(res.errors![0].extensions!.remainingAttempts!);
    }
    expect(remaining).toEqual([4, 3, 2, 1]);
    const fifth = await server.gql(LoginDocument, { username: user.username, password: 'wrong-5-pass' });
    expect(codeOf(fifth)).toBe('LOCKED');
    expect(fifth.errors![0].message).toBe('บัญชีนี้ถูกล็อกชั่วคราวเนื่องจากกรอกรหัสผ่านผิดครบ 5 ครั้ง กรุณาลองใหม่ในอีก 5 นาที');
    expect(fifth.errors![0].extensions!.retryAfterSeconds).toBe(300);

    server.clock.advance(61_000);
    const right = await server.gql(LoginDocument, { username: user.username, password: PASSWORD });
    expect(codeOf(right)).toBe('LOCKED');
    expect(right.errors![0].message).toContain('กรุณาลองใหม่ในอีก 3 นาที 59 วินาที');
    expect(right.data).toBeNull();

    server.clock.advance(4 * 60_000);
    const after = await server.gql(LoginDocument, { username: user.username, password: PASSWORD });
    expect(after.errors).toBeUndefined();
    expect(after.data!.login.user.username).toBe(user.username);
    const row = await server.db.getRepository(User).findOneByOrFail({ id: user.id });
    expect(row).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('starts the count again after a successful sign-in', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    for (let i = 0; i < 4; i++) await server.gql(LoginDocument, { username: user.username, password: 'wrong-pass-1' });
    await signIn(server, user.username, PASSWORD);
    const res = await server.gql(LoginDocument, { username: user.username, password: 'wrong-pass-1' });
    expect(res.errors![0].extensions!.remainingAttempts).toBe(4);
  });

  it('never checks more than five passwords when wrong attempts race on two server instances', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    // A second instance: its own connection pool (its own SQLite connection) on the same database.
    const second = await TestServer.start(server.config.db.kind === 'sqlite' ? `sqlite:${server.config.db.path}` : url(), {
      clock: server.clock,
    });
    try {
      const attempts = Array.from({ length: 16 }, (_, i) =>
        (i % 2 ? second : server).gql(LoginDocument, { username: user.username, password: `wrong-${i}-race` }),
      );
      const codes = (await Promise.all(attempts)).map(codeOf);
      const checked = codes.filter((c) => c === 'UNAUTHENTICATED').length;
      expect(checked).toBeLessThanOrEqual(4);
      expect(codes.filter((c) => c === 'LOCKED').length).toBeGreaterThanOrEqual(12);
      expect(codes.every((c) => c === 'UNAUTHENTICATED' || c === 'LOCKED')).toBe(true);
      const row = await server.db.getRepository(User).findOneByOrFail({ id: user.id });
      expect(row.failedLogins).toBe(5);
      expect(row.lockedUntil).not.toBeNull();
      const wrongChecks = await server.db
        .getRepository(AuditLog)
        .createQueryBuilder('a')
        .where('a.action = :a AND a.target_id = :id AND a.after LIKE :r', { a: 'loginFailed', id: String(user.id), r: '%wrong password%' })
        .getCount();
      expect(wrongChecks).toBe(5);
      expect(codeOf(await second.gql(LoginDocument, { username: user.username, password: PASSWORD }))).toBe('LOCKED');
    } finally {
      await second.stop();
    }
  });

  it('officers sharing one account can sign in at the same moment without locking it', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => server.gql(LoginDocument, { username: user.username, password: PASSWORD })),
    );
    expect(results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK')).toEqual(Array(12).fill('OK'));
    expect(await server.db.getRepository(User).findOneByOrFail({ id: user.id })).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('sign-out ends the session: the token no longer works and the cookie is cleared', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const token = await signIn(server, user.username, PASSWORD);
    const out = await server.gql(LogoutDocument, {}, { token });
    expect(out.data).toEqual({ logout: true });
    expect(out.setCookie).toMatch(/eplan_session=;/);
    expect((await server.gql(MeUsernameRoleLaoDocument, {}, { token })).data!.me).toBeNull();
    const denied = await server.gql(ChangePasswordDocument, {}, { token });
    expect(codeOf(denied)).toBe('UNAUTHENTICATED');
  });

  it('sessions expire after twelve hours', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const token = await signIn(server, user.username, PASSWORD);
    server.clock.advance(12 * 3600_000 + 1000);
    expect((await server.gql(MeUsernameRoleLaoDocument, {}, { token })).data!.me).toBeNull();
  });

  describe('change password', () => {
    it.each([
      ['a wrong current password', 'not-the-password1', 'NewPass2567', 'currentPassword', 'รหัสผ่านเดิมไม่ถูกต้อง'],
      ['a new password that is too short', PASSWORD, 'a1', 'newPassword', 'รหัสผ่านต้องมี 8–128 ตัวอักษร และมีทั้งตัวอักษรและตัวเลข'],
      ['a new password without digits', PASSWORD, 'onlyletters', 'newPassword', 'รหัสผ่านต้องมี 8–128 ตัวอักษร และมีทั้งตัวอักษรและตัวเลข'],
      ['the same password again', PASSWORD, PASSWORD, 'newPassword', 'รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม'],
    ])('refuses %s and changes nothing', async (_case, current, next, field, message) => {
      const user = await makeUser(server.db, Role.LAO_OFFICER);
      const token = await signIn(server, user.username, PASSWORD);
      const res = await server.gql(ChangePassword2Document, { c: current, n: next }, { token });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields).toEqual([{ field, message }]);
      await signIn(server, user.username, PASSWORD);
    });

    it('changes it: the new password signs in, the old does not, other sessions end, this one stays', async () => {
      const user = await makeUser(server.db, Role.LAO_OFFICER);
      const here = await signIn(server, user.username, PASSWORD);
      const elsewhere = await signIn(server, user.username, PASSWORD);
      const res = await server.gql(ChangePassword2Document, { c: PASSWORD, n: 'ใหม่NewPass2567' }, { token: here });
      expect(res.data).toEqual({ changePassword: true });
      expect((await server.gql(MeUsernameRoleLaoDocument, {}, { token: here })).data!.me!.username).toBe(user.username);
      expect((await server.gql(MeUsernameRoleLaoDocument, {}, { token: elsewhere })).data!.me).toBeNull();
      expect(codeOf(await server.gql(LoginDocument, { username: user.username, password: PASSWORD }))).toBe('UNAUTHENTICATED');
      await signIn(server, user.username, 'ใหม่NewPass2567');
      const audit = await server.db.getRepository(AuditLog).findOneBy({ action: 'changePassword', targetId: String(user.id) });
      expect(audit).not.toBeNull();
      expect(audit!.after ?? '').not.toContain('NewPass');
    });
  });

  it('refuses a disabled account even with the right password', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER, { disabled: true });
    const res = await server.gql(LoginDocument, { username: user.username, password: PASSWORD });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors![0].message).toBe('บัญชีผู้ใช้งานนี้ถูกระงับ กรุณาติดต่อผู้ดูแลระบบ');
  });
});
