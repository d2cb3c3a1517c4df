import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Role } from '../../server/src/modules/access/role';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';
import {
  ChangePassword2Document,
  CreateUserDocument,
  DistrictCodesDocument,
  MeIdDocument,
  PlaceLabelsDocument,
  PlanDimensionsDocument,
  ProvincesDocument,
  ProvincesNameEnDocument,
  RevokeApiTokenDocument,
  UpdateLaoProfileDocument,
} from '../gql/graphql';

describe.each(databases)('platform ($name)', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url());
  });
  afterAll(() => server.stop());

  it('the migrations build exactly the schema the entities describe', async () => {
    const pending = await server.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('compresses responses for slow connections', async () => {
    const res = await server.gql(ProvincesNameEnDocument, {}, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.data!.provinces).toHaveLength(77);
  });

  it('sends the built assets as the build compressed them, to browsers that take that encoding', async () => {
    const client = fs.mkdtempSync(path.join(os.tmpdir(), 'eplan-client-'));
    fs.mkdirSync(path.join(client, 'assets'));
    fs.writeFileSync(path.join(client, 'index.html'), '<!doctype html><title>e-PlanNACC</title>');
    const script = 'export const greeting = "สวัสดี";\n'.repeat(200);
    fs.writeFileSync(path.join(client, 'assets/app-1a2b3c.js'), script);
    fs.writeFileSync(path.join(client, 'assets/app-1a2b3c.js.br'), zlib.brotliCompressSync(script));
    fs.writeFileSync(path.join(client, 'assets/app-1a2b3c.js.gz'), zlib.gzipSync(script));
    const other = await TestServer.start(url(), { db: server.db, clientDir: client });
    try {
      const get = async (acceptEncoding: string) => {
        // Node's fetch would decode the body: a raw request shows what was sent.
        const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
          http.get(`${other.url}/assets/app-1a2b3c.js`, { headers: { 'accept-encoding': acceptEncoding } }, resolve).on('error', reject),
        );
        const chunks: Buffer[] = [];
        for await (const chunk of res) chunks.push(chunk as Buffer);
        const body = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'] ?? 'identity';
        const text = encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body;
        return {
          status: res.statusCode,
          encoding,
          type: res.headers['content-type'],
          cache: res.headers['cache-control'],
          text: text.toString(),
          body: body.toString('base64'),
        };
      };
      // The same type and caching as the plain file.
      const plain = await get('identity');
      const expected = { status: 200, type: plain.type, cache: 'public, max-age=31536000, immutable', text: script };
      expect(plain).toEqual({ ...expected, encoding: 'identity', body: Buffer.from(script).toString('base64') });
      expect(plain.type).toMatch(/javascript/);
      // The build's own files, not compressed again on the fly.
      const built = (suffix: string) => fs.readFileSync(path.join(client, `assets/app-1a2b3c.js${suffix}`)).toString('base64');
      expect(await get('gzip, deflate, br')).toEqual({ ...expected, encoding: 'br', body: built('.br') });
      expect(await get('gzip')).toEqual({ ...expected, encoding: 'gzip', body: built('.gz') });
    } finally {
      await other.stop(false);
      fs.rmSync(client, { recursive: true, force: true });
    }
  });

  it('names places as the documents do: Bangkok is no จังหวัด and its districts are เขต', async () => {
    const res = await server.gql(PlaceLabelsDocument);
    const { provinces, bkk, nst } = res.data!;
    expect(provinces.find((p) => p.code === '10')!.label).toBe('กรุงเทพมหานคร');
    expect(provinces.find((p) => p.code === '80')!.label).toBe('จังหวัดนครศรีธรรมราช');
    expect(bkk.find((d) => d.code === '1033')!.label).toBe('เขตคลองเตย');
    expect(nst.find((d) => d.code === '8006')!.label).toBe('อำเภอเชียรใหญ่');
  });

  it('GET /healthz (ready) checks the database; GET /healthz/live only that the process answers', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
    const live = await fetch(`${server.url}/healthz/live`);
    expect({ status: live.status, body: await live.json() }).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('an instance whose database is gone is live but not ready', async () => {
    const other = await TestServer.start(url());
    await other.db.destroy();
    try {
      const ready = await fetch(`${other.url}/healthz`);
      expect({ status: ready.status, body: await ready.json() }).toEqual({
        status: 503,
        body: { status: 'unavailable', database: 'unreachable' },
      });
      expect((await fetch(`${other.url}/healthz/live`)).status).toBe(200);
    } finally {
      await other.stop(false);
    }
  });

  it('refuses a cross-site form post (CSRF) before running anything', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const token = await signIn(server, user.username, PASSWORD);
    // Raw requests on purpose: what is tested is the transport (a GET, a text/plain body), not an operation.
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`, {
      method: 'GET',
      headers: { cookie: `eplan_session=${token}` },
    });
    expect(res.status).toBe(400);
    expect((await server.gql(MeIdDocument, {}, { token })).data!.me).not.toBeNull();
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: `eplan_session=${token}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect((await server.gql(MeIdDocument, {}, { token })).data!.me).not.toBeNull();
  });

  it('answers a variable of the wrong type as the caller’s mistake (400 BAD_USER_INPUT)', async () => {
    const res = await server.gql(PlanDimensionsDocument, { y: 1.5 });
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toEqual([{ field: 'y', message: 'กรุณากรอกเป็นจำนวนเต็ม' }]);
    const admin = await makeUser(server.db, Role.ADMIN);
    const token = await signIn(server, admin.username, PASSWORD);
    const nested = await server.gql(
      UpdateLaoProfileDocument,
      { c: '6800707', input: { size: 'SMALL', population: 1.5, revenue: 'abc' } },
      { token },
    );
    expect(nested.errors![0].extensions!.fields).toEqual([
      expect.objectContaining({ field: expect.stringMatching(/^(population|revenue)$/) }),
    ]);
  });

  it('names the dimensions of a plan, and keeps the last plan’s names for years after it', async () => {
    expect((await server.gql(PlanDimensionsDocument, { y: 2564 })).data!.planDimensions[1]).toEqual({
      number: 2,
      name: 'การบริหารราชการเพื่อป้องกันการทุจริต',
    });
    expect((await server.gql(PlanDimensionsDocument, { y: 2567 })).data!.planDimensions[1]).toEqual({
      number: 2,
      name: 'การบริหารราชการด้วยความโปร่งใส',
    });
    expect((await server.gql(PlanDimensionsDocument, { y: 2571 })).data!.planDimensions.map((d) => d.number)).toEqual([1, 2, 3, 4]);
  });

  it('introspection works for other NACC systems', async () => {
    // Text on purpose: the generated types leave out GraphQL's own introspection types (__TypeKind).
    const res = await server.gql('{ __type(name: "Money") { name kind description } }');
    expect(res.data!.__type).toMatchObject({ name: 'Money', kind: 'SCALAR' });
  });

  it('rejects a body over 100 KB', async () => {
    // A raw request on purpose: the padding is a variable no operation declares.
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(200_000) } }),
    });
    expect(res.status).toBe(413);
  });

  it('writes an audit row for a mutation with actor, action, target and time, and never a password', async () => {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const token = await signIn(server, user.username, PASSWORD);
    await server.gql(ChangePassword2Document, { c: 'Passw0rd-ทดสอบ', n: 'Another2567' }, { token });
    const rows = await server.db.getRepository(AuditLog).find({ where: { actorId: user.id }, order: { id: 'ASC' } });
    expect(rows.map((r) => r.action)).toEqual(['login', 'changePassword']);
    expect(rows[1]).toMatchObject({
      actorUsername: user.username,
      targetType: 'User',
      targetId: String(user.id),
      laoCode: user.laoCode,
      ip: '127.0.0.1',
    });
    expect(rows[1].at.getTime()).toBe(server.clock.now().getTime() - (server.clock.now().getTime() % 1000));
    expect(JSON.stringify(rows)).not.toMatch(/Another2567|argon2/);
  });

  it('a failed mutation changes nothing and leaves no audit row', async () => {
    const admin = await makeUser(server.db, Role.ADMIN);
    const token = await signIn(server, admin.username, PASSWORD);
    const before = await server.db.getRepository(AuditLog).count();
    const res = await server.gql(
      CreateUserDocument,
      { input: { username: 'ok-name', role: 'LAO_OFFICER', password: 'Password2567', laoCode: '0000000' } },
      { token },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(await server.db.getRepository(AuditLog).count()).toBe(before);
  });

  it('answers an id that cannot exist NOT_FOUND, and a field that does not exist as a validation error', async () => {
    const admin = await makeUser(server.db, Role.ADMIN);
    const token = await signIn(server, admin.username, PASSWORD);
    const res = await server.gql(RevokeApiTokenDocument, { id: '1e400' }, { token });
    expect(codeOf(res)).toBe('NOT_FOUND');
    // Text on purpose: a field the schema does not have.
    const bad = await server.gql('{ nope }');
    expect(codeOf(bad)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('hides an unexpected error behind a Thai message carrying the reference of the request', async () => {
    // A server whose own embedded database lost a table: every read of provinces fails unexpectedly.
    const broken = await TestServer.start(databases[0].url());
    try {
      await broken.db.query('DROP TABLE district');
      const res = await broken.gql(DistrictCodesDocument, { p: '10' });
      const requestId = res.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9A-F]{8}$/);
      expect(res.errors).toEqual([
        {
          message: `ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง หากยังพบปัญหากรุณาติดต่อผู้ดูแลระบบ (รหัสอ้างอิง ${requestId})`,
          path: ['districts'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
        },
      ]);
      expect((await broken.gql(ProvincesDocument)).data!.provinces).toHaveLength(77);
    } finally {
      await broken.stop();
    }
  });
});
