import { buildSchema } from 'graphql';
import { unannouncedBreaks } from '../schema-evolution';

const released = buildSchema(`
  type Query {
    laos(provinceCode: String, districtCode: String): [Lao!]!
    oldTable: [Lao!]! @deprecated(reason: "Use laosConnection; remove after 2026-06-30")
    soonGone: Int @deprecated(reason: "Use rateLimit; remove after 2027-12-31")
    vague: Int @deprecated(reason: "Use something else")
  }
  type Lao { code: String! name: String! status: Status! }
  enum Status { ACTIVE RETIRED }
`);

const today = '2026-12-01';
const next = (sdl: string) => unannouncedBreaks(released, buildSchema(sdl), today);
const base = `type Lao { code: String! name: String! status: Status! } enum Status { ACTIVE RETIRED }`;

describe('schema evolution against the released schema', () => {
  it('lets a field go whose announced removal date has passed, and adding anything', () => {
    expect(
      next(`type Query {
        laos(provinceCode: String, districtCode: String): [Lao!]!
        soonGone: Int @deprecated(reason: "Use rateLimit; remove after 2027-12-31")
        vague: Int @deprecated(reason: "Use something else")
        laosConnection(first: Int!): [Lao!]!
      } ${base}`),
    ).toEqual([]);
  });

  it('refuses removing a field never deprecated, one whose date has not come, one without a date, an argument and an enum value', () => {
    const problems = next(`type Query { laos(provinceCode: String): [Lao!]! oldTable: [Lao!]! }
      type Lao { code: String! status: Status! } enum Status { ACTIVE }`);
    expect(problems.join('\n')).toMatch(/Query\.soonGone was removed.*removal date 2027-12-31 has not come/);
    expect(problems.join('\n')).toMatch(/Query\.vague was removed.*names no removal date/);
    expect(problems.join('\n')).toMatch(/Lao\.name was removed.*deprecate it first/);
    expect(problems.join('\n')).toMatch(/districtCode.*deprecate it first/);
    expect(problems.join('\n')).toMatch(/RETIRED.*deprecate it first/);
    expect(problems).toHaveLength(5);
  });

  it('refuses changing a type or making an argument required', () => {
    const problems = next(`type Query {
        laos(provinceCode: String!, districtCode: String): [Lao!]
        oldTable: [Lao!]! soonGone: Int vague: Int
      } ${base}`);
    expect(problems.some((p) => p.startsWith('FIELD_CHANGED_KIND'))).toBe(true);
    expect(problems.some((p) => p.startsWith('ARG_CHANGED_KIND'))).toBe(true);
  });
});
