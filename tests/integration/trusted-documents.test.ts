import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse, type OperationDefinitionNode } from 'graphql';
import { Role } from '../../server/src/modules/access/role';
import { makeUser, PASSWORD } from '../fixtures/factories';
import manifest from '../../server/src/trusted-documents.json';
import { codeOf, databases, signIn, TestServer } from './harness';
import { postTrusted, trustedIdOf, type GqlResult } from '../support/post-gql';
import { CreateApiTokenDocument, LoginDocument, RateLimitDocument } from '../gql/graphql';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The names of the operations in client/src/**\/graphql/*.graphql, as the developers wrote them. */
function clientOperationNames(dir = path.resolve(__dirname, '../../client/src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return clientOperationNames(full);
    if (!entry.name.endsWith('.graphql') || path.basename(dir) !== 'graphql') return [];
    return parse(fs.readFileSync(full, 'utf8'))
      .definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
      .map((d) => d.name!.value);
  });
}

const refused = (res: GqlResult) => [res.status, res.data, codeOf(res), /[\u0E00-\u0E7F]/.test(res.errors?.[0]?.message ?? '')];
const REFUSED = [400, null, 'UNTRUSTED_DOCUMENT', true];

describe('the trusted documents manifest', () => {
  it('holds every operation of the web client, each under the sha256 of its text, and nothing else', () => {
    const entries = Object.entries(manifest as Record<string, string>);
    for (const [id, text] of entries) expect(sha256(text)).toBe(id);
    const names = entries.map(([, text]) =>
      parse(text)
        .definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
        .map((d) => d.name!.value),
    );
    // One operation per document, with the fragments it uses.
    expect(names.every((n) => n.length === 1)).toBe(true);
    expect(names.flat().sort()).toEqual(clientOperationNames().sort());
    // The text is what the client's cache reads back: each object's type comes with it.
    expect((manifest as Record<string, string>)[trustedIdOf('Me')]).toMatch(/province \{\n\s+code\n\s+name\n\s+label\n\s+__typename\n/);
  });
});

describe.each(databases)('trusted documents ($name)', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url());
  });
  afterAll(() => server.stop());

  /** A browser session: the cookie the sign-in page's answer sets. */
  async function browserSession(): Promise<{ cookie: string; username: string }> {
    const user = await makeUser(server.db, Role.LAO_OFFICER);
    const res = await postTrusted(server.url, 'Login', { username: user.username, password: PASSWORD });
    expect(res.errors).toBeUndefined();
    return { cookie: res.setCookie!.split(';')[0], username: user.username };
  }

  const me = (auth: { cookie: string }) => postTrusted(server.url, 'Me', {}, auth);

  it('runs the web client’s operations by id for a browser session', async () => {
    const session = await browserSession();
    const res = await me(session);
    expect(res.errors).toBeUndefined();
    expect(res.data.me).toMatchObject({ username: session.username, __typename: 'User', lao: { __typename: 'Lao' } });
  });

  it('refuses free-form text from a browser session without running it', async () => {
    const session = await browserSession();
    // A sign-out sent as text would end the session: it is not run, and the session still answers.
    expect(refused(await server.gql('mutation { logout }', {}, session))).toEqual(REFUSED);
    expect(refused(await server.gql(LoginDocument, { username: session.username, password: 'wrong-pass-1' }, session))).toEqual(REFUSED);
    // Also by GET, and with no operation at all.
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`, {
      headers: { cookie: session.cookie, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(((await get.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe(
      'UNTRUSTED_DOCUMENT',
    );
    expect(refused(await server.gql('', {}, session))).toEqual(REFUSED);
    expect((await me(session)).data.me.username).toBe(session.username);
  });

  it('refuses an unknown id, an id with other text, and an id a caller tried to register (no automatic persisted queries)', async () => {
    const session = await browserSession();
    const admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
    const send = (body: Record<string, unknown>, auth: Record<string, string>) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify(body),
      }).then(async (res) => ({
        status: res.status,
        ...((await res.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> }),
      }));
    const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });
    const text = 'mutation { logout }';
    const cases: Array<[string, Record<string, unknown>]> = [
      ['an unknown id', { extensions: persisted(sha256(text)) }],
      ['an id that is not a string', { extensions: { persistedQuery: { version: 1, sha256Hash: { id: 1 } } } }],
      ['a key of every object', { extensions: persisted('__proto__') }],
      ['a known id of another version', { extensions: { persistedQuery: { version: 2, sha256Hash: trustedIdOf('Me') } } }],
      ['a known id with other text', { query: text, extensions: persisted(trustedIdOf('Me')) }],
    ];
    for (const [what, body] of cases) {
      for (const auth of [{ cookie: session.cookie }, { authorization: `Bearer ${admin}` }] as Array<Record<string, string>>) {
        const res = await send(body, auth);
        expect([what, res.status, res.data, res.errors?.[0]?.extensions.code]).toEqual([what, 400, undefined, 'UNTRUSTED_DOCUMENT']);
      }
    }
    // Registering as Apollo's automatic persisted queries do (text with its hash) adds nothing.
    const register = await send({ query: text, extensions: persisted(sha256(text)) }, { authorization: `Bearer ${admin}` });
    expect(register.errors?.[0]?.extensions.code).toBe('UNTRUSTED_DOCUMENT');
    expect((await send({ extensions: persisted(sha256(text)) }, { cookie: session.cookie })).errors?.[0]?.extensions.code).toBe(
      'UNTRUSTED_DOCUMENT',
    );
    expect((await me(session)).data.me.username).toBe(session.username);
  });

  it('serves an API token’s free-form query within its budget, and the client’s ids too', async () => {
    const admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
    const service = await makeUser(server.db, Role.SERVICE);
    const issued = await server.gql(CreateApiTokenDocument, { u: service.username }, { token: admin });
    const token = issued.data!.createApiToken.secret;
    const res = await server.gql(RateLimitDocument, {}, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.rateLimit.limit).toBeGreaterThan(0);
    expect(res.extensions?.cost?.limit).toBeGreaterThan(0);
    const byId = await postTrusted(server.url, 'Me', {}, { token });
    expect(byId.data.me.username).toBe(service.username);
  });
});
