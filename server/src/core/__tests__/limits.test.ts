import { buildSchema, parse, validate } from 'graphql';
import { depthRule, MAX_DEPTH } from '../limits';

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
