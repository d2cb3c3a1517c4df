import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Hostile input generated from the schema: every argument and input field of every operation, and the
 * values an attacker or a broken client would send for it.
 */

/** A deterministic generator (mulberry32), so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number JSON.stringify cannot write (1e309, -0): put into the request body as it is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON of a variables object, with RawJson values spliced in as bare literals. */
export function toJson(value: unknown): string {
  const raws: string[] = [];
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return v;
  });
  return json.replace(/"\\u0000raw(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)]);
}

export interface Hostile {
  label: string;
  value: unknown;
}

const h = (label: string, value: unknown): Hostile => ({ label, value });

/** Whatever type is expected: values of the wrong shape. */
const WRONG_SHAPES: Hostile[] = [h('an empty object', {}), h('an empty array', []), h('a nested array', [[[1]]]), h('true', true)];

const STRINGS: Hostile[] = [
  h('an empty string', ''),
  h('spaces only', '   \t  '),
  h('no-break and ideographic spaces only', '\u00A0\u3000\u00A0'),
  h('zero-width characters only', '\u200B\uFEFF\u2060\u200B'),
  h('text between zero-width characters', '\u200Bทดสอบ\uFEFF'),
  h('a NUL character', 'ก\u0000ข'),
  h('terminal escape codes', '\u001B[31mแดง\u0007'),
  h('a C1 control character', 'ab\u0085cd'),
  h('a line break', 'บรรทัดแรก\nบรรทัดสอง'),
  h('a line separator', 'ก\u2028ข'),
  h('a lone high surrogate', 'ab\uD800'),
  h('a lone low surrogate', '\uDC00ทดสอบ'),
  h('a right-to-left override', '\u202Eทดสอบ\u202C'),
  h('right-to-left marks', '\u200Fชื่อ\u200E'),
  h('non-characters', 'a\uFFFEb\uFFFF'),
  h('10,001 Thai characters', 'ก'.repeat(10_001)),
  h('64 KB of ASCII', 'a'.repeat(65_000)),
  h('emoji', '😀🇹🇭👨‍👩‍👧'.repeat(20)),
  h('stacked tone marks', 'ก' + '\u0E49'.repeat(50)),
  h('SQL', "' OR '1'='1' --"),
  h('LIKE wildcards', '%_!\\%'),
  h('HTML', '<script>alert(1)</script>'),
  h('a template', '${7*7}{{7*7}}'),
  h('a path', '../../etc/passwd'),
  h('Thai digits', '๒๕๖๗'),
  h('plain Thai', 'ทดสอบ'),
  h('a number', 123),
  h('a fraction', 1.5),
  h('a list of strings', ['a', 'b']),
  ...WRONG_SHAPES,
];

const INTS: Hostile[] = [
  h('−1', -1),
  h('0', 0),
  h('2^31−1', 2_147_483_647),
  h('−2^31', -2_147_483_648),
  h('2^31', 2_147_483_648),
  h('2^53', 2 ** 53),
  h('1e309 (Infinity)', new RawJson('1e309')),
  h('−1e309', new RawJson('-1e309')),
  h('1.5', 1.5),
  h('−0', new RawJson('-0')),
  h('1002570', 1_002_570),
  h('2560', 2560),
  h('2561', 2561),
  h('2571', 2571),
  h('2572', 2572),
  h('10001', 10_001),
  h('a numeric string', '5'),
  h('a string', 'สองพัน'),
  ...WRONG_SHAPES,
];

const FLOATS: Hostile[] = [
  h('−1', -1),
  h('−0', new RawJson('-0')),
  h('1e−7', 1e-7),
  h('0.1 + 0.2', 0.1 + 0.2),
  h('1.2345', 1.2345),
  h('1e308', 1e308),
  h('1e309 (Infinity)', new RawJson('1e309')),
  h('−1e309', new RawJson('-1e309')),
  h('5e−324', 5e-324),
  h('2^53', 2 ** 53),
  h('100.001', 100.001),
  h('a numeric string', '1'),
  h('"NaN"', 'NaN'),
  ...WRONG_SHAPES,
];

const BOOLEANS: Hostile[] = [h('a string', 'true'), h('1', 1), h('0', 0), h('an empty object', {}), h('an empty array', [])];

const IDS: Hostile[] = [
  h('0', '0'),
  h('−1', '-1'),
  h('an exponent', '1e3'),
  h('20 digits', '99999999999999999999'),
  h('a fraction', '1.5'),
  h('padded', ' 1 '),
  h('letters', 'abc'),
  h('SQL', "1' OR '1'='1"),
  h('a lone surrogate', '1\uD800'),
  h('a huge string', '9'.repeat(60_000)),
  h('a negative number', -1),
  h('2^53', 2 ** 53),
  h('1e309 (Infinity)', new RawJson('1e309')),
  h('a fraction number', 1.5),
  ...WRONG_SHAPES,
];

const MONEY: Hostile[] = [
  h('−1', '-1'),
  h('−0.01', '-0.01'),
  h('three decimals', '0.001'),
  h('an exponent', '1e5'),
  h('thousands separators', '1,000,000.50'),
  h('the largest amount', '999999999999.99'),
  h('one trillion', '1000000000000'),
  h('padded', ' 5 '),
  h('a trailing point', '5.'),
  h('a leading point', '.5'),
  h('"NaN"', 'NaN'),
  h('"Infinity"', 'Infinity'),
  h('Thai digits', '๑๒๓'),
  h('Arabic-Indic digits', '١٢٣'),
  h('a zero-width space', '\u200B5'),
  h('a negative number', -1),
  h('0.1 as a number', 0.1),
  h('1e21', 1e21),
  h('1e309 (Infinity)', new RawJson('1e309')),
  h('2^53', 2 ** 53),
  ...WRONG_SHAPES,
];

const DATES: Hostile[] = [
  h('year 0', '0000-01-01T00:00:00Z'),
  h('year 1', '0001-01-01T00:00:00Z'),
  h('year 1000', '1000-01-01T00:00:00Z'),
  h('year 9999', '9999-12-31T23:59:59.999Z'),
  h('an extended year', '+275760-09-13T00:00:00.000Z'),
  h('30 February', '2024-02-30T00:00:00Z'),
  h('a date without time', '2024-05-02'),
  h('text', 'พรุ่งนี้'),
  h('an empty string', ''),
  h('a timestamp', 1e15),
  h('−1', -1),
  ...WRONG_SHAPES,
];

function enumValues(names: string[]): Hostile[] {
  return [
    h('an unknown value', 'NOPE'),
    h('lower case', names[0].toLowerCase()),
    h('padded', ` ${names[0]} `),
    h('an empty string', ''),
    h('a number', 1),
    h('a list', [names[0]]),
    ...WRONG_SHAPES,
  ];
}

/** Hostile values for a leaf (scalar or enum) of the named type. */
export function hostileLeaves(type: GraphQLInputType): Hostile[] {
  const named = getNamedType(type);
  if (isEnumType(named)) return enumValues(named.getValues().map((v) => v.name));
  switch (named.name) {
    case 'String':
      return STRINGS;
    case 'Int':
      return INTS;
    case 'Float':
      return FLOATS;
    case 'Boolean':
      return BOOLEANS;
    case 'ID':
      return IDS;
    case 'Money':
      return MONEY;
    case 'DateTime':
      return DATES;
    default:
      throw new Error(`no hostile values for scalar ${named.name}`);
  }
}

/** Nested `depth` levels deep: [[[…]]] or {"a":{"a":…}}. */
function deep(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Hostile values for a whole list (given one valid element). */
export function hostileLists(element: unknown): Hostile[] {
  return [
    h('an empty list', []),
    h('a null element', [null]),
    h(
      '10,000 elements',
      Array.from({ length: 10_000 }, () => element),
    ),
    h('a list nested 2,000 deep', deep(2000, 'array')),
    h('an object', { 0: element }),
  ];
}

/** Hostile values for a whole input object (given a valid one). */
export function hostileObjects(valid: Record<string, unknown>): Hostile[] {
  return [
    h('an empty object', {}),
    h('a string', 'ทดสอบ'),
    h('a number', 42),
    h('a list of it', [valid, valid]),
    h('an unknown field', { ...valid, isAdmin: true }),
    h(
      'a __proto__ key',
      JSON.parse(`{"__proto__": {"polluted": true}${JSON.stringify(valid).slice(1, -1) ? ',' : ''}${JSON.stringify(valid).slice(1, -1)}}`),
    ),
    h('objects nested 2,000 deep', deep(2000, 'object')),
  ];
}

export type Path = Array<string | number>;

/** One place in an operation's variables where a hostile value goes. */
export interface Slot {
  path: Path;
  type: GraphQLInputType;
  kind: 'leaf' | 'list' | 'object';
}

/** Every argument, input field and list of an argument, depth first. */
export function slotsOf(arg: GraphQLArgument): Slot[] {
  const out: Slot[] = [];
  const walk = (path: Path, type: GraphQLInputType) => {
    const inner = getNullableType(type);
    if (isListType(inner)) {
      out.push({ path, type, kind: 'list' });
      const element = getNullableType(inner.ofType);
      if (isInputObjectType(element)) walk([...path, 0], inner.ofType);
      else out.push({ path: [...path, 0], type: inner.ofType, kind: 'leaf' });
    } else if (isInputObjectType(inner)) {
      out.push({ path, type, kind: 'object' });
      for (const field of Object.values(inner.getFields())) walk([...path, field.name], field.type);
    } else {
      out.push({ path, type, kind: 'leaf' });
    }
  };
  walk([arg.name], arg.type);
  return out;
}

/** The variables with `value` put at `path` (copied, never changed in place). */
export function withValue(vars: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const root = structuredClone(vars);
  let at: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const next = at[key];
    if (next === null || next === undefined || typeof next !== 'object') at[key] = typeof path[i + 1] === 'number' ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  }
  at[path[path.length - 1]] = value;
  return root;
}

/** A value written into the document itself (`fiscalYear: 1e309`), as a client building queries by hand would. */
export function toLiteral(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).filter(([k]) => /^[_A-Za-z]\w*$/.test(k));
    return `{${fields.map(([k, v]) => `${k}: ${toLiteral(v)}`).join(', ')}}`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * `mutation Fuzz($a: T!, …) { field(a: $a, …) { __typename } }` for a root field; with `inline`, that
 * argument is written into the document as a literal instead of a variable.
 */
export function documentOf(
  operation: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  inline?: { name: string; literal: string },
): string {
  const vars = field.args
    .filter((a) => a.name !== inline?.name)
    .map((a) => `$${a.name}: ${String(a.type)}`)
    .join(', ');
  const args = field.args.map((a) => `${a.name}: ${a.name === inline?.name ? inline.literal : `$${a.name}`}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${operation} Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

/** A plain valid-looking value of a type, for fields no test table names. */
export function plainValue(type: GraphQLInputType, named: (name: string, type: GraphQLInputType) => unknown, name: string): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [plainValue(inner.ofType, named, name)];
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) {
      const v = named(f.name, f.type);
      if (v !== undefined) out[f.name] = v;
      else if (isNonNullType(f.type)) out[f.name] = plainValue(f.type, named, f.name);
    }
    return out;
  }
  if (isEnumType(inner)) return inner.getValues()[0].name;
  if (isScalarType(inner)) {
    const v = named(name, type);
    if (v !== undefined) return v;
    return { String: 'ทดสอบ', Int: 1, Float: 1, Boolean: true, ID: '1', Money: '100.00', DateTime: '2024-05-02T04:00:00.000Z' }[inner.name];
  }
  throw new Error(`cannot make a value of ${String(type)}`);
}

export const rootFields = (schema: GraphQLSchema) => ({
  query: Object.values(schema.getQueryType()!.getFields()),
  mutation: Object.values(schema.getMutationType()!.getFields()),
});
