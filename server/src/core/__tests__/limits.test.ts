import 'reflect-metadata';
import { buildSchema, getIntrospectionQuery, parse, print, validate, type GraphQLSchema } from 'graphql';
import { getSchema } from '../../schema';
import { depthRule, listsWithoutSize, MAX_DEPTH, MAX_QUERY_COST, MAX_TOKENS, queryCost, ROUND_TRIP_COST } from '../limits';
import { clientOperations, sampleVariables } from './client-operations';

describe('query depth limit', () => {
  const schema = buildSchema(
    'type Lao { code: String! projects: [Project!]! } type Project { name: String! lao: Lao! } type Query { lao: Lao }',
  );
  const nested = (levels: number) => `{ lao { ${'projects { lao { '.repeat(levels)}code${' } }'.repeat(levels)} } }`;

  it(`accepts ${MAX_DEPTH} levels and refuses more`, () => {
    expect(validate(schema, parse(nested(5)), [depthRule])).toEqual([]);
    const errors = validate(schema, parse(nested(7)), [depthRule]);
    expect(errors[0]?.message).toMatch(/exceeds maximum operation depth of 12/);
  });
});

describe('query cost', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await getSchema();
  });
  const cost = (query: string, variables?: Record<string, unknown>) => queryCost(schema, parse(query), undefined, variables);

  it('counts every expected item of a list: 77 provinces with two fields, plus the round trip', () => {
    expect(cost('{ provinces { code name } }')).toBe(ROUND_TRIP_COST + 1 + 77 * 2);
    expect(cost('{ a: provinces { code name } b: provinces { code name } }')).toBe(2 * (ROUND_TRIP_COST + 155));
  });

  it('sizes the LAO list by what it is asked for: a district, a province, the country', () => {
    const laos = '($p: String, $d: String) { laos(provinceCode: $p, districtCode: $d) { code name } }';
    expect(cost(`query${laos}`, { p: '80', d: '8007' })).toBe(ROUND_TRIP_COST + 1 + 40 * 2);
    expect(cost(`query${laos}`, { p: '80' })).toBe(ROUND_TRIP_COST + 1 + 350 * 2);
    expect(cost(`query${laos}`, {})).toBe(ROUND_TRIP_COST + 1 + 7_900 * 2);
  });

  it('multiplies nested lists: projects of an LAO, each with its years and both reports', () => {
    const q = '{ projects(laoCode: "6800707") { id years { fiscalYear sixMonths { status } twelveMonths { status } } } }';
    expect(cost(q)).toBe(ROUND_TRIP_COST + 1 + 100 * (1 + (1 + 5 * (1 + 2 + 2))));
  });

  it('counts a trip to the database for each parent of a list that is not batched (awards of each LAO)', () => {
    const q = '{ laos(provinceCode: "80") { code awards(fiscalYear: 2567) { kind } } }';
    expect(cost(q)).toBe(ROUND_TRIP_COST + 1 + 350 * (1 + (ROUND_TRIP_COST + 1 + 10 * 1)));
  });

  it('refuses the thousand aliases of provinces, and fragments that spread into more nodes than it will count', () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `p${i}: provinces { code name }`).join(' ');
    expect(cost(`{ ${aliases} }`)).toBeGreaterThan(MAX_QUERY_COST);
    // Each fragment spreads the next eight times: 8⁶ fields from a few hundred bytes.
    const levels = Array.from({ length: 6 }, (_, i) => `fragment F${i} on Query { ${`...F${i + 1} `.repeat(8)}}`);
    const bomb = `{ ...F0 } ${levels.join(' ')} fragment F6 on Query { me { id } }`;
    expect(cost(bomb)).toBe(Number.POSITIVE_INFINITY);
  });

  it('counts a connection’s edges by its `first` or `last` (at most 100), its total as one more trip, and `rateLimit` as nothing', () => {
    const page = (args: string) => cost(`{ laosConnection(${args}) { edges { cursor node { code } } pageInfo { endCursor } totalCount } }`);
    // The field and its round trip, pageInfo and its one field, the count and its trip.
    const base = ROUND_TRIP_COST + 1 + (1 + 1) + ROUND_TRIP_COST;
    expect(page('first: 10')).toBe(base + 1 + 10 * (1 + 2));
    expect(page('last: 40')).toBe(base + 1 + 40 * (1 + 2));
    expect(page('first: 5000')).toBe(page('first: 100'));
    expect(cost('query($n: Int) { laosConnection(first: $n) { edges { node { code } } } }', { n: 7 })).toBe(
      ROUND_TRIP_COST + 1 + 1 + 7 * 2,
    );
    expect(cost('{ rateLimit { limit remaining resetAt used cost } }')).toBe(0);
  });

  it('leaves variables that do not fit their types to execution (BAD_USER_INPUT there)', () => {
    expect(cost('query($y: Int!) { planDimensions(fiscalYear: $y) { name } }', { y: 'abc' })).toBeNull();
  });

  it('lets tools read the whole schema once per request', () => {
    expect(cost(getIntrospectionQuery())).toBeLessThanOrEqual(MAX_QUERY_COST);
  });

  it('knows the expected size of every list of records in the schema', () => {
    expect(listsWithoutSize(schema)).toEqual([]);
  });

  it('accepts every operation the client sends, with room to spare', () => {
    const operations = clientOperations();
    expect(operations.length).toBeGreaterThan(60);
    const costs: Record<string, number | null> = {};
    for (const op of operations) {
      expect(() => parse(print(op.document), { maxTokens: MAX_TOKENS })).not.toThrow();
      costs[op.name] = queryCost(schema, op.document, op.name, sampleVariables(schema, op.document));
      expect({ operation: op.name, fits: costs[op.name] !== null && costs[op.name]! <= MAX_QUERY_COST * 0.8 }).toEqual({
        operation: op.name,
        fits: true,
      });
    }
    // The largest ones, so a change in their size shows here: a national review queue, an LAO's projects with their reports.
    expect(costs.ReviewQueue).toBeGreaterThan(10_000);
    expect(costs.ReportProjects).toBeGreaterThan(10_000);
  });
});
