import { GraphQLScalarType, type ValueNode } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { DomainError } from './errors';

/** Instants the system accepts: reporting windows, reopenings and log filters all fall in this century. */
export const FIRST_INSTANT = new Date('2000-01-01T00:00:00Z');
export const END_OF_INSTANTS = new Date('2100-01-01T00:00:00Z');

const config = GraphQLDateTimeISO.toConfig();

function checked(parse: () => Date): Date {
  let date: Date;
  try {
    date = parse();
  } catch {
    throw new DomainError('BAD_USER_INPUT', 'วันที่และเวลาไม่ถูกต้อง (รูปแบบ ISO 8601 เช่น 2024-05-02T03:00:00.000Z)');
  }
  if (!(date.getTime() >= FIRST_INSTANT.getTime() && date.getTime() < END_OF_INSTANTS.getTime())) {
    throw new DomainError('BAD_USER_INPUT', 'วันที่ต้องอยู่ระหว่าง พ.ศ. 2543–2642');
  }
  return date;
}

/** Instants as ISO-8601 strings in UTC, under the contract's name `DateTime`; input outside this century is refused in Thai. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  ...config,
  name: 'DateTime',
  description: 'An instant as an ISO-8601 string in UTC, e.g. 2024-05-02T03:00:00.000Z (show it in Asia/Bangkok)',
  parseValue: (value: unknown) => checked(() => config.parseValue!(value) as Date),
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) => checked(() => config.parseLiteral!(ast, variables) as Date),
});
