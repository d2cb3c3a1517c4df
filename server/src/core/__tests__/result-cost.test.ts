import 'reflect-metadata';
import { parse, type GraphQLSchema } from 'graphql';
import { getSchema } from '../../schema';
import { queryCost, ROUND_TRIP_COST, SCHEMA_INTROSPECTION_COST } from '../limits';
import { resultCost } from '../result-cost';

describe('the actual cost of an answer', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await getSchema();
  });
  const province = (i: number) => ({ code: String(i), name: `จังหวัด ${i}` });
  const provinces = (n: number) => Array.from({ length: n }, (_, i) => province(i));
  const both = (query: string, data: Record<string, unknown>, variables: Record<string, unknown> = {}) => ({
    estimate: queryCost(schema, parse(query), undefined, variables),
    actual: resultCost(schema, parse(query), undefined, variables, data),
  });

  it('equals the estimate when every list holds what was expected, fragments, aliases and directives included', () => {
    const query = `query($skip: Boolean!) {
      provinces { ...P }
      again: provinces { code }
      skipped: provinces @skip(if: $skip) { code name }
    } fragment P on Province { code name }`;
    const full = both(query, { provinces: provinces(77), again: provinces(77) }, { skip: true });
    expect(full.actual).toBe(full.estimate);
    expect(full.actual).toBe(2 * ROUND_TRIP_COST + (1 + 77 * 2) + (1 + 77));
  });

  it('counts a list by the items it answered, an empty list and a null object by the field alone', () => {
    expect(both('{ provinces { code name } }', { provinces: provinces(3) }).actual).toBe(ROUND_TRIP_COST + 1 + 3 * 2);
    expect(both('{ provinces { code name } }', { provinces: [] }).actual).toBe(ROUND_TRIP_COST + 1);
    expect(both('{ me { id username } }', { me: null }).actual).toBe(ROUND_TRIP_COST + 1);
    expect(both('{ me { id username } }', { me: { id: '1', username: 'x' } })).toEqual({
      estimate: ROUND_TRIP_COST + 3,
      actual: ROUND_TRIP_COST + 3,
    });
  });

  it('counts a connection by the edges of the page, whatever `first` asked for', () => {
    const query = '{ laosConnection(first: 100) { edges { cursor node { code } } pageInfo { endCursor } } }';
    const edges = (n: number) => Array.from({ length: n }, (_, i) => ({ cursor: `c${i}`, node: { code: String(i) } }));
    const page = (n: number) => ({ laosConnection: { edges: edges(n), pageInfo: { endCursor: 'c' } } });
    expect(both(query, page(100)).actual).toBe(both(query, page(100)).estimate);
    expect(both(query, page(100)).actual - both(query, page(40)).actual).toBe(60 * 3);
  });

  it('weighs introspection and what costs nothing as the estimate does, and an answer without data as nothing', () => {
    expect(both('{ __schema { queryType { name } } }', { __schema: { queryType: { name: 'Query' } } }).actual).toBe(
      SCHEMA_INTROSPECTION_COST,
    );
    expect(both('{ rateLimit { limit remaining } }', { rateLimit: { limit: 1, remaining: 1 } }).actual).toBe(0);
    expect(resultCost(schema, parse('{ provinces { code } }'), undefined, {}, null)).toBe(0);
  });
});
