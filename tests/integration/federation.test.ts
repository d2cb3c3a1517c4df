import { Role } from '../../server/src/modules/access/role';
import { AuditLog } from '../../server/src/modules/audit/audit-log.entity';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { makeLao, makeSession, makeUser, PASSWORD } from '../fixtures/factories';
import { codeOf, databases, signIn, TestServer } from './harness';

// The federation fields (`_service`, `_entities`) are not in schema.graphql — the API without FEDERATION=1,
// which the typed operations are generated from — so this suite sends them as text.
const ENTITIES = `query Entities($r: [_Any!]!) {
  _entities(representations: $r) {
    __typename
    ... on Lao { laoCode: code name provinceCode }
    ... on Province { code name }
    ... on District { code name }
  }
}`;

/**
 * FEDERATION=1: the API as an Apollo Federation 2 subgraph, so that other NACC subgraphs can extend
 * Lao, Province and District (keyed by their DOPA codes). The entities resolve within the caller's
 * scope, and the rest of the API — authorization, costs — is unchanged.
 */
describe.each(databases.filter((d) => d.name === 'sqlite'))('the API as a federation subgraph ($name)', ({ url }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(url(), { env: { FEDERATION: '1' } });
  });
  afterAll(() => server.stop());

  it('publishes its SDL with Lao, Province and District keyed by code', async () => {
    const res = await server.gql('{ _service { sdl } }');
    expect(res.errors).toBeUndefined();
    const sdl: string = res.data._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3"');
    for (const type of ['Lao', 'Province', 'District']) expect(sdl).toMatch(new RegExp(`type ${type} @key\\(fields: "code"\\)`));
  });

  it('resolves entities for who may read them, and no further', async () => {
    const officer = await makeUser(server.db, Role.LAO_OFFICER);
    const lao = await server.db.getRepository(Lao).findOneByOrFail({ code: officer.laoCode! });
    const system = await makeSession(server.db, await makeUser(server.db, Role.SERVICE));
    const r = [
      { __typename: 'Lao', code: lao.code },
      { __typename: 'Province', code: lao.provinceCode },
      { __typename: 'District', code: lao.districtCode },
    ];
    const res = await server.gql(ENTITIES, { r }, { token: system });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([
      { __typename: 'Lao', laoCode: lao.code, name: lao.name, provinceCode: lao.provinceCode },
      { __typename: 'Province', code: lao.provinceCode, name: expect.any(String) },
      { __typename: 'District', code: lao.districtCode, name: expect.any(String) },
    ]);

    // Another LAO's officer does not read this LAO through the federation either; nobody signed out reads anything.
    const other = await makeUser(server.db, Role.LAO_OFFICER, { lao: await makeLao(server.db) });
    const stranger = await signIn(server, other.username, PASSWORD);
    expect(codeOf(await server.gql(ENTITIES, { r: [r[0]] }, { token: stranger }))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(ENTITIES, { r: [r[1]] }))).toBe('UNAUTHENTICATED');
    const own = await signIn(server, officer.username, PASSWORD);
    expect((await server.gql(ENTITIES, { r: [r[0]] }, { token: own })).data._entities[0].laoCode).toBe(lao.code);
  });

  it('keeps the API’s authorization and costs', async () => {
    expect(codeOf(await server.gql('{ laos { code } }'))).toBe('UNAUTHENTICATED');
    const system = await makeSession(server.db, await makeUser(server.db, Role.SERVICE));
    const tooMuch = `{ ${Array.from({ length: 200 }, (_, i) => `p${i}: provinces { code name }`).join(' ')} }`;
    expect(codeOf(await server.gql(tooMuch, {}, { token: system }))).toBe('TOO_COMPLEX');
    // Mutations still run in their transaction with their audit row, and read-only accounts still only read.
    const setWindow = 'mutation { setReportingWindow(fiscalYear: 2561, round: SIX_MONTHS, opensAt: null, closesAt: null) { fiscalYear } }';
    expect(codeOf(await server.gql(setWindow, {}, { token: system }))).toBe('FORBIDDEN');
    const admin = await signIn(server, (await makeUser(server.db, Role.ADMIN)).username, PASSWORD);
    expect((await server.gql(setWindow, {}, { token: admin })).data).toEqual({ setReportingWindow: { fiscalYear: 2561 } });
    expect(await server.db.getRepository(AuditLog).countBy({ action: 'setReportingWindow', targetId: '2561:SIX_MONTHS' })).toBe(1);
  });
});
