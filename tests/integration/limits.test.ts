import { randomInt } from 'node:crypto';
import { Role } from '../../server/src/modules/access/role';
import { LoginLock } from '../../server/src/modules/account/login-lock.entity';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { RateLimitCounter } from '../../server/src/core/rate-limit.entity';
import { sweepRateLimits } from '../../server/src/core/rate-limit';
import { sweepLoginLocks } from '../../server/src/modules/account/login.command';
import { countStatements, freshName, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, TestServer, type GqlResult } from './harness';
import {
  LaosCodeNameDocument,
  LoginDocument,
  LogoutDocument,
  MeIdDocument,
  ProvincesDocument,
  RequestPasswordResetDocument,
  ResetPasswordDocument,
  UnlockUserDocument,
  UsernameLookupDocument,
} from '../gql/graphql';

/** A client address of this test only (the database, and its counters, outlive a run). */
const someAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
/**
 * `provinces` under n aliases, as text on purpose: the cost and token limits are reached by repeating one
 * field under many aliases, a shape no operation of tests/operations has (nor should have).
 */
const provincesTimes = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `p${i}: provinces { code name }`).join(' ')} }`;

/** The refusal every limit answers with: 429, Retry-After equal to retryAfterSeconds, a Thai message with the wait. */
function expectRateLimited(res: GqlResult, what: string): number {
  expect(res.status).toBe(429);
  expect(codeOf(res)).toBe('RATE_LIMITED');
  const seconds = res.errors![0].extensions!.retryAfterSeconds as number;
  expect(seconds).toBeGreaterThan(0);
  expect(res.headers.get('retry-after')).toBe(String(seconds));
  expect(res.errors![0].message).toMatch(new RegExp(`^${what} กรุณาลองใหม่ในอีก (\\d+ นาที)? ?(\\d+ วินาที)?$`));
  expect(res.data).toBeNull();
  return seconds;
}

const deviceCookieOf = (res: GqlResult) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith('eplan_device='))
    ?.split(';')[0];

jest.setTimeout(30_000);

describe.each(databases)('limits against floods and guessing ($name)', ({ url }) => {
  /** Generous limits, as every other suite has them. */
  let server: TestServer;
  /** Small limits, to reach them in a few requests. */
  let strict: TestServer;
  const STRICT = {
    RATE_LIMIT_LOGIN_ADDRESS: '3/1m',
    RATE_LIMIT_LOGIN_ACCOUNT: '3/10m',
    RATE_LIMIT_RESET_ADDRESS: '2/1h',
    RATE_LIMIT_RESET_ACCOUNT: '2/1h',
    RATE_LIMIT_LOOKUP_ADDRESS: '4/1m',
    RATE_LIMIT_COST_ADDRESS: '25000/1m',
    RATE_LIMIT_COST_USER: '25000/1m',
  };
  /** Another instance's address of the same database. */
  const sameDatabase = () => (server.config.db.kind === 'sqlite' ? `sqlite:${server.config.db.path}` : url());
  beforeAll(async () => {
    server = await TestServer.start(url());
    strict = await TestServer.start(sameDatabase(), { clock: server.clock, env: STRICT });
  });
  afterAll(async () => {
    await strict.stop();
    await server.stop();
  });

  const auditFrom = (ip: string) => server.db.getRepository(AuditLog).find({ where: { ip }, order: { id: 'ASC' } });

  describe('query cost', () => {
    it('refuses costly queries before any resolver runs, without a single database statement', async () => {
      const all = { everything: true };
      const costlyQuery = provincesTimes(200);
      const { result: costly, statements } = await countStatements(
        server.db,
        () => server.gql(costlyQuery, {}, { from: someAddress() }),
        all,
      );
      // The 30 KB request of the issue: refused as it is read (more tokens than any real query has).
      const thousandQuery = provincesTimes(1000);
      const { result: thousand, statements: more } = await countStatements(
        server.db,
        () => server.gql(thousandQuery, {}, { from: someAddress() }),
        all,
      );
      expect([...statements, ...more]).toEqual([]);
      expect(costly.status).toBe(400);
      expect(costly.data).toBeNull();
      expect(costly.errors).toEqual([
        {
          message: 'คำขอนี้ขอข้อมูลมากเกินกว่าที่ระบบตอบได้ในครั้งเดียว กรุณาขอข้อมูลให้น้อยลงหรือแบ่งเป็นหลายคำขอ',
          extensions: { code: 'TOO_COMPLEX', cost: 131_000, maxCost: 25_000 },
        },
      ]);
      expect(thousand.status).toBe(400);
      expect(codeOf(thousand)).toBe('GRAPHQL_PARSE_FAILED');
      // What is answered is counted: the charge, then a query for each alias.
      const fewer = await countStatements(server.db, () => server.gql(provincesTimes(10), {}, { from: someAddress() }), all);
      expect(fewer.result.data!.p9).toHaveLength(77);
      expect(fewer.statements.filter((s) => /rate_limit/.test(s)).length).toBeGreaterThanOrEqual(1);
      expect(fewer.statements.filter((s) => /province/.test(s))).toHaveLength(10);
    });

    it('charges each caller its cost per window: a signed-out address, then a signed-in account (429 when spent)', async () => {
      const [a, b] = [someAddress(), someAddress()];
      const heavy = provincesTimes(20); // 13,100 of the window's 25,000
      expect((await strict.gql(heavy, {}, { from: a })).data!.p0).toHaveLength(77);
      const wait = expectRateLimited(await strict.gql(heavy, {}, { from: a }), 'มีการเรียกข้อมูลจากระบบมากเกินกำหนดในช่วงเวลาสั้น ๆ');
      expect(wait).toBeLessThanOrEqual(60);
      // A cheap query still fits what is left; another address has its own budget.
      expect((await strict.gql(ProvincesDocument, {}, { from: a })).data!.provinces).toHaveLength(77);
      expect((await strict.gql(ProvincesDocument, {}, { from: b })).status).toBe(200);

      // Signed in, the budget is the account's, wherever its requests come from: the country's LAOs cost 16,301.
      const admin = await makeUser(server.db, Role.ADMIN);
      const token = (await strict.gql(LoginDocument, { username: admin.username, password: PASSWORD }, { from: someAddress() })).data!.login
        .token;
      expect((await strict.gql(LaosCodeNameDocument, {}, { token, from: someAddress() })).status).toBe(200);
      expectRateLimited(
        await strict.gql(LaosCodeNameDocument, {}, { token, from: someAddress() }),
        'มีการเรียกข้อมูลจากระบบมากเกินกำหนดในช่วงเวลาสั้น ๆ',
      );

      strict.clock.advance(60_000);
      expect((await strict.gql(LaosCodeNameDocument, {}, { token })).status).toBe(200);
      expect((await strict.gql(heavy, {}, { from: a })).status).toBe(200);
    });
  });

  describe('signed-out endpoints', () => {
    it('limits sign-in tries per client address; a refused try checks no password and writes no audit row', async () => {
      const [a, b] = [someAddress(), someAddress()];
      const user = await makeUser(server.db, Role.LAO_OFFICER);
      for (let i = 0; i < 3; i++) {
        const res = await strict.gql(LoginDocument, { username: freshName('nobody'), password: 'wrong-pass-1' }, { from: a });
        expect(codeOf(res)).toBe('UNAUTHENTICATED');
      }
      const refused = await strict.gql(LoginDocument, { username: user.username, password: PASSWORD }, { from: a });
      expectRateLimited(refused, 'มีการเข้าสู่ระบบจากเครือข่ายนี้บ่อยเกินกำหนด');
      expect((await auditFrom(a)).map((r) => r.action)).toEqual(['loginFailed', 'loginFailed', 'loginFailed']);
      expect(
        (await strict.gql(LoginDocument, { username: user.username, password: PASSWORD }, { from: b })).data!.login.user.username,
      ).toBe(user.username);
      strict.clock.advance(60_000);
      expect((await strict.gql(LoginDocument, { username: user.username, password: PASSWORD }, { from: a })).status).toBe(200);
    });

    it('limits tries per username from untrusted browsers, whatever their address, the same for unknown usernames', async () => {
      const user = await makeUser(server.db, Role.LAO_OFFICER);
      for (const username of [user.username, freshName('nobody')]) {
        const answers: GqlResult[] = [];
        for (let i = 0; i < 4; i++)
          answers.push(await strict.gql(LoginDocument, { username, password: `wrong-${i}-pass` }, { from: someAddress() }));
        expect(answers.slice(0, 3).map(codeOf)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
        expectRateLimited(answers[3], 'มีการพยายามเข้าสู่ระบบด้วยชื่อผู้ใช้งานนี้บ่อยเกินกำหนด');
      }
    });

    it('limits username lookups per address, across two server instances on one database', async () => {
      // Two instances with the same limit: of twelve racing lookups exactly four are answered.
      const twin = await TestServer.start(sameDatabase(), { clock: server.clock, env: STRICT });
      try {
        const b = someAddress();
        const raced = await Promise.all(
          Array.from({ length: 12 }, (_, i) => (i % 2 ? strict : twin).gql(UsernameLookupDocument, { p: '80', d: '8007' }, { from: b })),
        );
        expect(raced.filter((r) => r.status === 200)).toHaveLength(4);
        for (const r of raced.filter((r) => r.status !== 200)) expectRateLimited(r, 'มีการค้นหาชื่อผู้ใช้งานจากเครือข่ายนี้บ่อยเกินกำหนด');
      } finally {
        await twin.stop();
      }
    });

    it('limits password-reset requests per username and per address, and resets per address', async () => {
      const email = `${Date.now()}lim@example.go.th`;
      const user = await makeUser(server.db, Role.LAO_OFFICER, { email });
      const perUser = [];
      for (let i = 0; i < 3; i++)
        perUser.push(await strict.gql(RequestPasswordResetDocument, { u: user.username, e: email }, { from: someAddress() }));
      expect(perUser.slice(0, 2).map((r) => r.data)).toEqual([{ requestPasswordReset: true }, { requestPasswordReset: true }]);
      expectRateLimited(perUser[2], 'มีการขอตั้งรหัสผ่านใหม่บ่อยเกินกำหนด');

      const a = someAddress();
      const fromOne = [];
      fromOne.push(await strict.gql(RequestPasswordResetDocument, { u: freshName('nobody'), e: email }, { from: a }));
      fromOne.push(await strict.gql(ResetPasswordDocument, { t: 'not-a-token', p: 'NewPass2567' }, { from: a }));
      fromOne.push(await strict.gql(ResetPasswordDocument, { t: 'not-a-token', p: 'NewPass2567' }, { from: a }));
      expect(fromOne.slice(0, 2).map(codeOf)).toEqual([undefined, 'BAD_USER_INPUT']);
      expectRateLimited(fromOne[2], 'มีการขอตั้งรหัสผ่านใหม่บ่อยเกินกำหนด');
    });

    it('believes X-Forwarded-For only from the proxies it is told to trust', async () => {
      const user = await makeUser(server.db, Role.LAO_OFFICER);
      const elsewhere = await TestServer.start(sameDatabase(), { env: { TRUST_PROXY: '192.0.2.1' } });
      try {
        const a = someAddress();
        await elsewhere.gql(LoginDocument, { username: user.username, password: 'wrong-pass-1' }, { from: a });
        await server.gql(LoginDocument, { username: user.username, password: 'wrong-pass-2' }, { from: a });
        const rows = await server.db
          .getRepository(AuditLog)
          .find({ where: { action: 'loginFailed', targetId: String(user.id) }, order: { id: 'ASC' } });
        expect(rows.map((r) => r.ip)).toEqual(['127.0.0.1', a]);
      } finally {
        await elsewhere.stop();
      }
    });
  });

  describe('device cookies', () => {
    it('lets the owner in from a browser that signed in before, while strangers have locked the account', async () => {
      const user = await makeUser(server.db, Role.LAO_OFFICER);
      const first = await server.gql(LoginDocument, { username: user.username, password: PASSWORD }, { from: someAddress() });
      const device = deviceCookieOf(first)!;
      expect(device).toMatch(new RegExp(`^eplan_device=${user.id}\\.[\\w-]{22}\\.[\\w-]{43}$`));
      expect(first.headers.getSetCookie().find((c) => c.startsWith('eplan_device='))).toMatch(
        /HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/,
      );

      const stranger = someAddress();
      const codes = [];
      for (let i = 0; i < 6; i++)
        codes.push(codeOf(await server.gql(LoginDocument, { username: user.username, password: `guess-${i}-pw` }, { from: stranger })));
      expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'LOCKED', 'LOCKED']);
      // Untrusted browsers stay locked out, even with the right password …
      expect(codeOf(await server.gql(LoginDocument, { username: user.username, password: PASSWORD }, { from: someAddress() }))).toBe(
        'LOCKED',
      );
      // … and so does a cookie that is not the server's, or is another account's.
      const forged = device.replace(/\.[\w-]{43}$/, `.${'A'.repeat(43)}`);
      expect(codeOf(await server.gql(LoginDocument, { username: user.username, password: PASSWORD }, { cookie: forged }))).toBe('LOCKED');
      const other = await makeUser(server.db, Role.LAO_OFFICER);
      expect(codeOf(await server.gql(LoginDocument, { username: other.username, password: 'wrong-pass-1' }, { cookie: device }))).toBe(
        'UNAUTHENTICATED',
      );

      // The owner's browser has its own count: it signs in, and its own mistakes count from five.
      const owner = await server.gql(LoginDocument, { username: user.username, password: PASSWORD }, { cookie: device });
      expect(owner.data!.login.user.username).toBe(user.username);
      const slip = await server.gql(LoginDocument, { username: user.username, password: 'typo-in-pass1' }, { cookie: device });
      expect(slip.errors![0].extensions!.remainingAttempts).toBe(4);
      const reasons = (await server.db.getRepository(AuditLog).find({ where: { action: 'loginFailed', targetId: String(user.id) } })).map(
        (r) => JSON.parse(r.after!) as { reason: string; trustedBrowser: boolean },
      );
      expect(reasons.filter((r) => r.trustedBrowser)).toEqual([
        { username: user.username, reason: 'wrong password', trustedBrowser: true },
      ]);
    });

    it('never checks more than five passwords from one trusted browser when wrong tries race on two instances', async () => {
      const user = await makeUser(server.db, Role.LAO_OFFICER);
      const device = deviceCookieOf(await server.gql(LoginDocument, { username: user.username, password: PASSWORD }))!;
      const second = await TestServer.start(sameDatabase(), { clock: server.clock });
      try {
        const tries = Array.from({ length: 14 }, (_, i) =>
          (i % 2 ? second : server).gql(LoginDocument, { username: user.username, password: `wrong-${i}-race` }, { cookie: device }),
        );
        const codes = (await Promise.all(tries)).map(codeOf);
        expect(codes.every((c) => c === 'UNAUTHENTICATED' || c === 'LOCKED')).toBe(true);
        const checked = await server.db
          .getRepository(AuditLog)
          .createQueryBuilder('a')
          .where('a.action = :a AND a.target_id = :id AND a.after LIKE :r', {
            a: 'loginFailed',
            id: String(user.id),
            r: '%wrong password%',
          })
          .getCount();
        expect(checked).toBe(5);
        // The account itself is not locked: another browser of the owner's still signs in.
        expect((await second.gql(LoginDocument, { username: user.username, password: PASSWORD })).status).toBe(200);
      } finally {
        await second.stop();
      }
    });

    it('ADMIN’s unlock frees the trusted browsers too', async () => {
      const user = await makeUser(server.db, Role.LAO_OFFICER);
      const device = deviceCookieOf(await server.gql(LoginDocument, { username: user.username, password: PASSWORD }))!;
      for (let i = 0; i < 5; i++)
        await server.gql(LoginDocument, { username: user.username, password: `wrong-${i}-pass` }, { cookie: device });
      expect(codeOf(await server.gql(LoginDocument, { username: user.username, password: PASSWORD }, { cookie: device }))).toBe('LOCKED');
      const admin = await makeUser(server.db, Role.ADMIN);
      const token = (await server.gql(LoginDocument, { username: admin.username, password: PASSWORD })).data!.login.token;
      await server.gql(UnlockUserDocument, { u: user.username }, { token });
      expect((await server.gql(LoginDocument, { username: user.username, password: PASSWORD }, { cookie: device })).status).toBe(200);
    });
  });

  describe('the audit trail', () => {
    it('a signed-out logout writes nothing; a signed-in one writes its row', async () => {
      const a = someAddress();
      for (let i = 0; i < 3; i++) expect((await server.gql(LogoutDocument, {}, { from: a })).data).toEqual({ logout: true });
      expect(await auditFrom(a)).toEqual([]);
      const user = await makeUser(server.db, Role.LAO_OFFICER);
      const token = (await server.gql(LoginDocument, { username: user.username, password: PASSWORD }, { from: a })).data!.login.token;
      await server.gql(LogoutDocument, {}, { token, from: a });
      expect((await auditFrom(a)).map((r) => [r.action, r.actorUsername])).toEqual([
        ['login', user.username],
        ['logout', user.username],
      ]);
    });
  });

  it('sends Strict-Transport-Security when the public address is https, and only then', async () => {
    const https = await TestServer.start(sameDatabase(), { env: { PUBLIC_URL: 'https://eplan.nacc.go.th' } });
    try {
      expect((await fetch(`${https.url}/healthz`)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect((await https.gql(MeIdDocument)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await https.stop();
    }
    expect((await fetch(`${server.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
  });

  it('forgets counters whose window is long over and lockout units that hold nothing', async () => {
    const now = server.clock.now();
    const repo = server.db.getRepository(RateLimitCounter);
    const [old, fresh] = [`test:${freshName('old')}`, `test:${freshName('new')}`];
    await repo.insert([
      { bucket: old, windowStart: String(now.getTime() - 25 * 3600_000), hits: 3 },
      { bucket: fresh, windowStart: String(now.getTime() - 60_000), hits: 3 },
    ]);
    const locks = server.db.getRepository(LoginLock);
    const [empty, counting, expired] = [`u:${freshName('e')}`, `u:${freshName('c')}`, `u:${freshName('x')}`];
    await locks.insert([
      { unit: empty, failedLogins: 0, lockedUntil: null },
      { unit: counting, failedLogins: 2, lockedUntil: null },
      { unit: expired, failedLogins: 5, lockedUntil: new Date(now.getTime() - 1000) },
    ]);
    await sweepRateLimits(server.db, now);
    await sweepLoginLocks(server.db, now);
    expect((await repo.findBy([{ bucket: old }, { bucket: fresh }])).map((r) => r.bucket)).toEqual([fresh]);
    expect((await locks.findBy([{ unit: empty }, { unit: counting }, { unit: expired }])).map((r) => r.unit)).toEqual([counting]);
  });
});
