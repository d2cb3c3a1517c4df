import type { DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { MAX_QUERY_COST, queryCost } from '../../server/src/core/limits';
import { Role } from '../../server/src/modules/access/role';
import { getSchema } from '../../server/src/schema';
import { EXPORT_COST } from '../../server/src/modules/export/export.routes';
import { Lao } from '../../server/src/modules/lao/lao.entity';
import { makeLao, makeSession, makeUser } from '../fixtures/factories';
import { codeOf, databases, TestServer, type GqlAuth, type GqlResult } from './harness';
import { LaosCodesAndBudgetDocument, LaosPageDocument, MeIdDocument, ProvincesDocument, RateLimitDocument } from '../gql/graphql';

/** What every charged answer says it cost. */
const costOf = (res: GqlResult) => res.extensions?.cost;

/** The budget a charged answer's headers tell. */
const headersOf = (res: GqlResult) => ({
  limit: Number(res.headers.get('ratelimit-limit')),
  remaining: Number(res.headers.get('ratelimit-remaining')),
  reset: Number(res.headers.get('ratelimit-reset')),
  policy: res.headers.get('ratelimit-policy'),
});

jest.setTimeout(60_000);

describe.each(databases)('costs and budgets visible to the caller ($name)', ({ url }) => {
  let server: TestServer;
  /** The estimate of an operation, as the server computes it before running it. */
  let estimate: (document: DocumentNode, variables?: Record<string, unknown>) => number;
  /** A district with 25 LAOs (Khun Yuam, Mae Hong Son: no other suite adds LAOs there): full pages of up to 25, and a shorter one. */
  const district = '5802';

  beforeAll(async () => {
    server = await TestServer.start(url(), { env: { RATE_LIMIT_COST_USER: '25000/1m' } });
    const schema = await getSchema();
    estimate = (document, variables = {}) => queryCost(schema, document, undefined, variables)!;
    const there = await server.db.getRepository(Lao).countBy({ districtCode: district });
    for (let i = there; i < 25; i++) await makeLao(server.db, { provinceCode: '58', districtCode: district });
  });
  afterAll(() => server.stop());

  /** A SERVICE account (another NACC system) with a token of its own: a fresh budget. */
  const newCaller = async (): Promise<GqlAuth> => ({ token: await makeSession(server.db, await makeUser(server.db, Role.SERVICE)) });

  it('reports the estimate it charged as `requested`, and as `actual` the same weights over what the answer held', async () => {
    const caller = await newCaller();
    const cases: Array<[string, TypedDocumentNode<any, any>, Record<string, unknown>]> = [
      ['the 77 provinces', ProvincesDocument, {}],
      ['one object', MeIdDocument, {}],
      ['a full page of LAOs', LaosPageDocument, { first: 20, districtCode: district }],
      ['a full page of LAOs, backwards', LaosPageDocument, { last: 7, districtCode: district }],
    ];
    for (const [what, document, variables] of cases) {
      const res = await server.gql(document, variables, caller);
      expect(res.errors).toBeUndefined();
      expect({ what, ...costOf(res) }).toEqual({
        what,
        requested: estimate(document, variables),
        actual: estimate(document, variables),
        limit: MAX_QUERY_COST,
      });
    }
    // A page of 25 where a hundred were asked for: charged for a hundred, answered what a page of 25 costs.
    const short = await server.gql(LaosPageDocument, { first: 100, districtCode: district }, caller);
    expect(short.data!.laosConnection.edges).toHaveLength(25);
    expect(costOf(short)).toEqual({
      requested: estimate(LaosPageDocument, { first: 100 }),
      actual: estimate(LaosPageDocument, { first: 25 }),
      limit: MAX_QUERY_COST,
    });
    // Asking what is left costs nothing.
    const free = await server.gql(RateLimitDocument, {}, caller);
    expect(costOf(free)).toEqual({ requested: 0, actual: 0, limit: MAX_QUERY_COST });
    expect(free.data!.rateLimit.cost).toBe(0);
  });

  it('counts a larger page as larger, up to the hundred a page may hold', () => {
    const page = (first: number) => estimate(LaosPageDocument, { first });
    expect(page(100) - page(50)).toBe(50 * (page(2) - page(1)));
    // A page over the limit is refused by the field (BAD_USER_INPUT), not priced as a larger one.
    expect(page(101)).toBe(page(100));
  });

  it('tells the budget left in RateLimit-* headers and `rateLimit`, going down as the caller spends, apart for each caller', async () => {
    const [a, b] = [await newCaller(), await newCaller()];
    const provinces = estimate(ProvincesDocument);

    const first = await server.gql(RateLimitDocument, {}, a);
    expect(first.data!.rateLimit).toEqual({ limit: 25_000, remaining: 25_000, used: 0, cost: 0, resetAt: expect.any(String) });
    const resetAt = new Date(first.data!.rateLimit.resetAt).getTime();
    expect(resetAt - server.clock.now().getTime()).toBe(60_000);
    expect(headersOf(first)).toEqual({ limit: 25_000, remaining: 25_000, reset: 60, policy: '25000;w=60' });

    const spent = await server.gql(ProvincesDocument, {}, a);
    expect(headersOf(spent)).toMatchObject({ limit: 25_000, remaining: 25_000 - provinces });
    server.clock.advance(10_000);
    const after = await server.gql(RateLimitDocument, {}, a);
    expect(after.data!.rateLimit).toMatchObject({ remaining: 25_000 - provinces, used: provinces, cost: 0 });
    expect(headersOf(after)).toMatchObject({ remaining: 25_000 - provinces, reset: 50 });

    // One operation: its own cost is charged before `rateLimit` answers what is left.
    const both = await server.gql(LaosCodesAndBudgetDocument, { first: 10 }, a);
    const cost = estimate(LaosCodesAndBudgetDocument, { first: 10 });
    expect(both.data!.rateLimit).toEqual({ remaining: 25_000 - provinces - cost, cost });
    expect(headersOf(both).remaining).toBe(25_000 - provinces - cost);

    // Another caller's budget is whole.
    expect((await server.gql(RateLimitDocument, {}, b)).data!.rateLimit).toMatchObject({ remaining: 25_000, used: 0 });

    // Spent: refused (429) with the headers saying what is left, which is less than the operation costs.
    let refused: GqlResult | undefined;
    for (let i = 0; i < 60 && !refused; i++) {
      const res = await server.gql(ProvincesDocument, {}, a);
      if (res.status === 429) refused = res;
    }
    expect(codeOf(refused!)).toBe('RATE_LIMITED');
    expect(headersOf(refused!).remaining).toBeLessThan(provinces);
    expect(costOf(refused!)).toEqual({ requested: provinces, actual: 0, limit: MAX_QUERY_COST });
    // Once the window is over the budget is whole again.
    server.clock.advance(60_000);
    expect((await server.gql(RateLimitDocument, {}, a)).data!.rateLimit).toMatchObject({ remaining: 25_000, used: 0 });
  });

  it('charges simultaneous operations of one caller exactly, and of many callers each to its own budget', async () => {
    const provinces = estimate(ProvincesDocument);
    const fit = Math.floor(25_000 / provinces);
    const one = await newCaller();
    const answers = await Promise.all(Array.from({ length: fit + 6 }, () => server.gql(ProvincesDocument, {}, one)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(fit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    expect((await server.gql(RateLimitDocument, {}, one)).data!.rateLimit).toMatchObject({ used: fit * provinces });

    const many = await Promise.all(Array.from({ length: 30 }, newCaller));
    const each = await Promise.all(many.map((caller) => server.gql(ProvincesDocument, {}, caller)));
    expect(each.map((r) => [r.status, headersOf(r).remaining])).toEqual(many.map(() => [200, 25_000 - provinces]));
  });

  it('charges a document to the same budget, and says so in the same headers', async () => {
    const caller = await newCaller();
    const res = await fetch(`${server.url}/export/national-scores.xlsx?year=2567&round=SIX_MONTHS`, {
      headers: { authorization: `Bearer ${caller.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit-remaining')).toBe(String(25_000 - EXPORT_COST));
    expect((await server.gql(RateLimitDocument, {}, caller)).data!.rateLimit).toMatchObject({ used: EXPORT_COST });
  });

  it('answers `rateLimit` to signed-in callers only, but tells a signed-out address its budget in the headers', async () => {
    const from = `10.77.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`;
    const res = await server.gql(RateLimitDocument, {}, { from });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(headersOf(res).limit).toBe(server.config.rateLimits.costPerAddress.count);
  });
});
