import { loadConfig } from '../../server/src/core/config';
import { openDatabase } from '../../server/src/core/database';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { AuthToken } from '../../server/src/modules/account/auth-token.entity';
import { Role } from '../../server/src/modules/access/role';
import type { User } from '../../server/src/modules/account/user.entity';
import type { Lao } from '../../server/src/modules/lao/lao.entity';
import { makeLao, makeUser, PASSWORD } from '../fixtures/factories';
import {
  CreateScopedTokenDocument,
  RotateScopedTokenDocument,
  ScopedTokensDocument,
  TokenLaoDocument,
  TokenLaosAndScoresDocument,
  TokenLaosDocument,
  TokenMeDocument,
  TokenNationalScoresDocument,
  type ApiScope,
  type CreateScopedTokenMutationVariables,
} from '../gql/graphql';
import { codeOf, databases, signIn, TestServer, type GqlAuth } from './harness';

/**
 * Scoped API tokens (the scope of each field, per single scope, is the scope matrix of
 * authz-matrix.test.ts): a province restriction, expiry, the address allow-list, last use, rotation
 * and the one audit row of each request.
 */
const A = { province: '84', district: '8401' };
const B = { province: '83', district: '8301' };
const HOUR = 3600_000;

describe.each(databases)('scoped API tokens ($name)', ({ url }) => {
  let server: TestServer;
  let service: User;
  let adminUser: User;
  let a1: Lao;
  let b1: Lao;
  /** A fresh admin session: the tests move the clock past sessions' lifetime. */
  const admin = async (): Promise<GqlAuth> => ({ token: await signIn(server, adminUser.username, PASSWORD) });
  const create = async (vars: Omit<CreateScopedTokenMutationVariables, 'u' | 'name'> & { name?: string }) => {
    const res = await server.gql(CreateScopedTokenDocument, { u: service.username, name: 'ระบบของจังหวัด', ...vars }, await admin());
    return res;
  };
  const issue = async (vars: Omit<CreateScopedTokenMutationVariables, 'u' | 'name'> & { name?: string }) => {
    const res = await create(vars);
    expect(res.errors).toBeUndefined();
    return res.data!.createApiToken;
  };
  const auditsOf = (tokenId: string) =>
    server.db.getRepository(AuditLog).find({ where: { action: 'apiRequest', targetId: tokenId }, order: { id: 'ASC' } });
  const afterOf = (row: AuditLog) => JSON.parse(row.after!);
  const get = (path: string, auth: GqlAuth) =>
    fetch(`${server.url}${path}`, {
      headers: { authorization: `Bearer ${auth.token}`, ...(auth.from ? { 'x-forwarded-for': auth.from } : {}) },
    });

  beforeAll(async () => {
    server = await TestServer.start(url());
    service = await makeUser(server.db, Role.SERVICE);
    adminUser = await makeUser(server.db, Role.ADMIN);
    a1 = await makeLao(server.db, { provinceCode: A.province, districtCode: A.district });
    b1 = await makeLao(server.db, { provinceCode: B.province, districtCode: B.district });
  });
  afterAll(() => server.stop());

  it('is made with its scopes, province, expiry and allow-list; without scopes it gets every one', async () => {
    const expiresAt = new Date(server.clock.now().getTime() + 30 * 24 * HOUR).toISOString();
    const made = await issue({
      scopes: ['READ_REGISTRY', 'READ_SCORES'],
      province: A.province,
      expiresAt,
      ips: [' 203.0.113.0/24 ', '2001:db8::1'],
    });
    expect(made.apiToken).toMatchObject({
      scopes: ['READ_REGISTRY', 'READ_SCORES'],
      provinceCode: A.province,
      expiresAt,
      allowedIps: ['203.0.113.0/24', '2001:db8::1'],
      lastUsedAt: null,
    });
    const plain = await issue({});
    expect(plain.apiToken.scopes).toEqual([
      'READ_REGISTRY',
      'READ_PLANS',
      'READ_REPORTS',
      'READ_SCORES',
      'READ_REVIEWS',
      'READ_CHANGES',
      'WRITE_WEBHOOKS',
    ]);
    // One year unless told otherwise.
    expect(new Date(plain.apiToken.expiresAt!).getTime()).toBe(server.clock.now().getTime() + 365 * 24 * HOUR);
    const listed = await server.gql(ScopedTokensDocument, { u: service.username }, await admin());
    expect(listed.data!.apiTokens.map((t) => t.id)).toEqual(expect.arrayContaining([made.apiToken.id, plain.apiToken.id]));
  });

  it.each([
    ['no scope', { scopes: [] as ApiScope[] }, 'scopes', 'กรุณาเลือกขอบเขต'],
    ['an unknown province', { province: '99' }, 'provinceCode', 'ไม่พบจังหวัด'],
    ['a province with webhooks', { province: A.province, scopes: ['WRITE_WEBHOOKS'] as ApiScope[] }, 'provinceCode', 'write:webhooks'],
    ['an expiry passed', { expiresAt: '2024-05-01T00:00:00.000Z' }, 'expiresAt', 'หลังเวลาปัจจุบัน'],
    ['an expiry beyond two years', { expiresAt: '2026-06-01T00:00:00.000Z' }, 'expiresAt', 'ไม่เกิน 2 ปี'],
    ['an address that is none', { ips: ['300.1.2.3'] }, 'allowedIps', 'ไม่ใช่ที่อยู่ IP'],
    ['a range too wide', { ips: ['10.0.0.0/33'] }, 'allowedIps', 'ไม่ใช่ที่อยู่ IP'],
    ['a range of no address', { ips: ['example.org/24'] }, 'allowedIps', 'ไม่ใช่ที่อยู่ IP'],
    ['an address with a zone', { ips: ['fe80::1%eth0'] }, 'allowedIps', 'ไม่ใช่ที่อยู่ IP'],
    ['too many addresses', { ips: Array.from({ length: 41 }, (_, i) => `192.0.2.${i}`) }, 'allowedIps', 'ไม่เกิน 40'],
  ])('refuses a token with %s in Thai, and makes none', async (_what, vars, field, message) => {
    const before = await server.db.getRepository(AuthToken).countBy({ userId: service.id });
    const res = await create(vars);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toEqual([{ field, message: expect.stringContaining(message) }]);
    expect(await server.db.getRepository(AuthToken).countBy({ userId: service.id })).toBe(before);
  });

  it('keeps a full allow-list of the longest entries', async () => {
    const longest = Array.from({ length: 40 }, (_, i) => `ffff:ffff:ffff:ffff:ffff:${(0xff00 + i).toString(16)}:255.255.255.255/128`);
    const made = await issue({ scopes: ['READ_REGISTRY'], ips: longest });
    expect(made.apiToken.allowedIps).toEqual(longest);
  });

  it('refuses a field its scopes do not grant, naming the scope, and answers nothing of the operation', async () => {
    const { secret } = await issue({ scopes: ['READ_REGISTRY'] });
    const res = await server.gql(TokenLaosAndScoresDocument, { year: 2567 }, { token: secret });
    expect(res.status).toBe(403);
    expect(res.data ?? null).toBeNull();
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors![0].message).toContain('read:scores');
    expect(res.errors![0].message).toMatch(/[\u0E00-\u0E7F]/);
    // Who it is, __typename and introspection are free.
    const free = await server.gql(
      '{ __typename me { username } rateLimit { remaining } __schema { queryType { name } } }',
      {},
      { token: secret },
    );
    expect(free.errors).toBeUndefined();
    expect(free.data.me.username).toBe(service.username);
    // Fields reached through fragments count too.
    const hidden = await server.gql(
      'query Hidden { ...F } fragment F on Query { ... on Query { nationalScores(fiscalYear: 2567, round: SIX_MONTHS) { laos } } }',
      {},
      { token: secret },
    );
    expect(hidden.errors?.[0]?.message).toContain('read:scores');
    const doc = await get(`/export/national-scores.xlsx?year=2567&round=SIX_MONTHS`, { token: secret });
    expect(doc.status).toBe(403);
    expect(await doc.text()).toContain('read:scores');
  });

  it('restricted to a province, reads that province like its NACC office would, and no national table', async () => {
    const { secret } = await issue({ scopes: ['READ_REGISTRY', 'READ_SCORES'], province: A.province });
    const auth = { token: secret };
    const all = await server.gql(TokenLaosDocument, {}, auth);
    expect(all.errors).toBeUndefined();
    const provinces = new Set(all.data!.laos.map((l) => l.provinceCode));
    expect([...provinces]).toEqual([A.province]);
    expect(all.data!.laos.map((l) => l.code)).toContain(a1.code);
    expect(codeOf(await server.gql(TokenLaosDocument, { province: B.province }, auth))).toBe('FORBIDDEN');
    expect((await server.gql(TokenLaoDocument, { code: a1.code }, auth)).data).toEqual({ lao: { code: a1.code } });
    expect(codeOf(await server.gql(TokenLaoDocument, { code: b1.code }, auth))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(TokenNationalScoresDocument, { year: 2567 }, auth))).toBe('FORBIDDEN');
    const me = await server.gql(TokenMeDocument, {}, auth);
    expect(me.data!.me!.grants).toContainEqual({ permission: 'READ_LAO', reach: 'OWN_PROVINCE' });
    expect(me.data!.me!.grants.map((g) => g.permission)).not.toContain('READ_NATIONAL_SCORES');
    expect((await get(`/export/province.xlsx?province=${B.province}&year=2567&round=SIX_MONTHS`, auth)).status).toBe(403);
    expect((await get(`/export/province.xlsx?province=${A.province}&year=2567&round=SIX_MONTHS`, auth)).status).toBe(200);
    expect((await get(`/export/national-scores.xlsx?year=2567&round=SIX_MONTHS`, auth)).status).toBe(403);
    // The same account's unrestricted token still reads the country.
    const { secret: national } = await issue({ scopes: ['READ_REGISTRY'] });
    expect((await server.gql(TokenLaoDocument, { code: b1.code }, { token: national })).data).toEqual({ lao: { code: b1.code } });
  });

  it('works from its allow-list only (IPv4, IPv6, ranges), as the address the proxy in front names', async () => {
    const { secret, apiToken } = await issue({ scopes: ['READ_REGISTRY'], ips: ['203.0.113.0/24', '2001:db8::/32', '198.51.100.7'] });
    const from = (address: string) => server.gql(TokenLaoDocument, { code: a1.code }, { token: secret, from: address });
    for (const ok of ['203.0.113.9', '2001:db8:1::5', '198.51.100.7']) expect([ok, (await from(ok)).errors]).toEqual([ok, undefined]);
    for (const elsewhere of ['198.51.100.8', '192.0.2.1', '2001:db9::1']) {
      const res = await from(elsewhere);
      expect([elsewhere, res.status, codeOf(res)]).toEqual([elsewhere, 403, 'FORBIDDEN']);
      expect(res.errors![0].message).toContain(elsewhere);
    }
    expect((await get(`/export/action-plan.xlsx?lao=${a1.code}&year=2567`, { token: secret, from: '192.0.2.1' })).status).toBe(403);
    const refused = (await auditsOf(apiToken.id)).filter((r) => !afterOf(r).allowed);
    expect(refused.map((r) => r.ip)).toEqual(['198.51.100.8', '192.0.2.1', '2001:db9::1', '192.0.2.1']);
  });

  it('stops at its expiry with a Thai UNAUTHENTICATED, on GraphQL and documents alike', async () => {
    const { secret, apiToken } = await issue({
      scopes: ['READ_REGISTRY'],
      expiresAt: new Date(server.clock.now().getTime() + 2 * HOUR).toISOString(),
    });
    expect((await server.gql(TokenLaoDocument, { code: a1.code }, { token: secret })).errors).toBeUndefined();
    server.clock.advance(2 * HOUR + 1000);
    const res = await server.gql(TokenLaoDocument, { code: a1.code }, { token: secret });
    expect([res.status, codeOf(res)]).toEqual([401, 'UNAUTHENTICATED']);
    expect(res.errors![0].message).toContain('หมดอายุ');
    const doc = await get(`/export/province.xlsx?province=${A.province}&year=2567&round=SIX_MONTHS`, { token: secret });
    expect(doc.status).toBe(401);
    expect(await doc.text()).toContain('หมดอายุ');
    expect((await auditsOf(apiToken.id)).map((r) => afterOf(r).allowed)).toEqual([true, false, false]);
  });

  it('rotates without downtime: both secrets work, then after 24 hours only the new one', async () => {
    const first = await issue({ scopes: ['READ_REGISTRY', 'READ_PLANS'], province: A.province, ips: ['127.0.0.1'] });
    const rotated = await server.gql(RotateScopedTokenDocument, { id: first.apiToken.id }, await admin());
    expect(rotated.errors).toBeUndefined();
    const next = rotated.data!.rotateApiToken;
    expect(next.secret).not.toBe(first.secret);
    expect(next.apiToken).toMatchObject({
      name: first.apiToken.name,
      scopes: first.apiToken.scopes,
      provinceCode: A.province,
      allowedIps: ['127.0.0.1'],
    });
    expect(next.apiToken.expiresAt).toBe(first.apiToken.expiresAt);
    const read = (secret: string) => server.gql(TokenLaoDocument, { code: a1.code }, { token: secret });
    expect([(await read(first.secret)).errors, (await read(next.secret)).errors]).toEqual([undefined, undefined]);
    // Rotated once: the next rotation is of the new token.
    expect(codeOf(await server.gql(RotateScopedTokenDocument, { id: first.apiToken.id }, await admin()))).toBe('CONFLICT');
    server.clock.advance(23 * HOUR);
    expect((await read(first.secret)).errors).toBeUndefined();
    server.clock.advance(HOUR + 1000);
    const old = await read(first.secret);
    expect(codeOf(old)).toBe('UNAUTHENTICATED');
    expect(old.errors![0].message).toContain('secret ใหม่');
    expect((await read(next.secret)).errors).toBeUndefined();
    const listed = (await server.gql(ScopedTokensDocument, { u: service.username }, await admin())).data!.apiTokens;
    expect(listed.find((t) => t.id === first.apiToken.id)!.rotatedAt).not.toBeNull();
    const audit = await server.db.getRepository(AuditLog).findOneByOrFail({ action: 'rotateApiToken', targetId: first.apiToken.id });
    expect(afterOf(audit)).toMatchObject({ newTokenId: Number(next.apiToken.id) });
    expect(audit.after).not.toContain(next.secret);
  });

  it('leaves one audit row per request, with the token, the operation, its fields and whether it was allowed', async () => {
    const { secret, apiToken } = await issue({ name: 'ระบบติดตามผล', scopes: ['READ_REGISTRY'] });
    const auth = { token: secret };
    await server.gql('query Registry { laos(provinceCode: "84") { code } lao(code: "' + a1.code + '") { code } }', {}, auth);
    await server.gql(TokenLaosAndScoresDocument, { year: 2567 }, auth);
    const restricted = await issue({ scopes: ['READ_REGISTRY'], province: A.province });
    await server.gql(TokenLaoDocument, { code: b1.code }, { token: restricted.secret });
    await get(`/export/action-plan.xlsx?lao=${a1.code}&year=2567`, auth);
    const rows = await auditsOf(apiToken.id);
    expect(rows.map((r) => [r.actorUsername, r.targetType, r.ip])).toEqual(Array(3).fill([service.username, 'ApiToken', '127.0.0.1']));
    expect(rows.map(afterOf)).toEqual([
      { tokenName: 'ระบบติดตามผล', operation: 'Registry', fields: ['Query.laos', 'Query.lao'], allowed: true, refusal: null },
      {
        tokenName: 'ระบบติดตามผล',
        operation: 'TokenLaosAndScores',
        fields: ['Query.laos', 'Query.sarScores'],
        allowed: false,
        refusal: expect.stringContaining('read:scores'),
      },
      {
        tokenName: 'ระบบติดตามผล',
        operation: 'GET /export/action-plan.xlsx',
        fields: ['GET /export/action-plan.xlsx'],
        allowed: false,
        refusal: expect.stringContaining('read:plans'),
      },
    ]);
    // A refusal of the services (the province restriction) is recorded as a denial too.
    const [denied] = await auditsOf(restricted.apiToken.id);
    expect(afterOf(denied)).toMatchObject({ operation: 'TokenLao', allowed: false, refusal: expect.stringMatching(/[\u0E00-\u0E7F]/) });
    expect(denied.provinceCode).toBe(A.province);
  });

  it('notes its last use at most once a minute', async () => {
    const { secret, apiToken } = await issue({ scopes: ['READ_REGISTRY'] });
    const lastUsed = async () =>
      (await server.db.getRepository(AuthToken).findOneByOrFail({ id: Number(apiToken.id) })).lastUsedAt?.getTime();
    const read = () => server.gql(TokenLaoDocument, { code: a1.code }, { token: secret });
    const start = server.clock.now().getTime();
    await read();
    expect(await lastUsed()).toBe(start);
    server.clock.advance(30_000);
    await read();
    expect(await lastUsed()).toBe(start);
    server.clock.advance(31_000);
    await read();
    expect(await lastUsed()).toBe(start + 61_000);
  });
});

describe('the migration to scoped tokens (embedded database)', () => {
  it('gives the tokens made before it every scope, no province, no address list and no expiry: their callers see no change', async () => {
    const db = await openDatabase(loadConfig({ DB_URL: databases[0].url(), DEMO_DATA: '0' }).db);
    try {
      // Back to just before it (the migrations after it undone first), the tokens made then, and forward again.
      const [{ count }] = await db.query(`SELECT COUNT(*) AS count FROM migrations WHERE timestamp > 1796700000000`);
      for (let i = 0; i < Number(count) + 1; i++) await db.undoLastMigration();
      const now = new Date('2024-05-02T03:00:00Z');
      const user = await makeUser(db, Role.SERVICE);
      await db.query(
        `INSERT INTO auth_token (token_hash, user_id, kind, name, created_at, expires_at, revoked_at) VALUES (?, ?, 'API', 'ระบบเดิม', ?, NULL, NULL)`,
        ['f'.repeat(64), user.id, now.toISOString()],
      );
      await db.query(
        `INSERT INTO auth_token (token_hash, user_id, kind, name, created_at, expires_at, revoked_at) VALUES (?, ?, 'SESSION', '', ?, ?, NULL)`,
        ['e'.repeat(64), user.id, now.toISOString(), now.toISOString()],
      );
      await db.runMigrations();
      const rows = await db.getRepository(AuthToken).find({ where: { userId: user.id }, order: { kind: 'ASC' } });
      expect(rows.map((r) => [r.kind, r.scopes, r.provinceCode, r.allowedIps, r.expiresAt, r.lastUsedAt, r.rotatedAt])).toEqual([
        [
          'API',
          ['read:registry', 'read:plans', 'read:reports', 'read:scores', 'read:reviews', 'read:changes', 'write:webhooks'],
          null,
          [],
          null,
          null,
          null,
        ],
        ['SESSION', [], null, [], now, null, null],
      ]);
    } finally {
      await db.destroy();
    }
  });
});
