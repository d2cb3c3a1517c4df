import { GraphQLScalarType, Kind } from 'graphql';
import type { ValueTransformer } from 'typeorm';
import { DomainError } from './errors';
import { MONEY_MESSAGE } from './field-rules';

/**
 * Money is held as a whole number of satang (1 baht = 100 satang) everywhere on the server: in BIGINT
 * columns, in sums and in arithmetic. It never passes through a binary float. Satang amounts up to
 * Number.MAX_SAFE_INTEGER (≈ 90 trillion baht) are exact as JS numbers; anything larger is refused.
 */
export type Satang = number;

export const MAX_MONEY_SATANG = 99_999_999_999_999; // 999,999,999,999.99 baht

const MONEY_PATTERN = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Parses "3000", "3,000.5", 3000.5 into satang; null when it is not an amount with at most two decimals. */
export function parseMoney(input: unknown): Satang | null {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    text = String(input);
    if (/e/i.test(text)) return null;
  } else if (typeof input === 'string') {
    text = input.trim().replace(/,/g, '');
  } else {
    return null;
  }
  const m = MONEY_PATTERN.exec(text);
  if (!m) return null;
  const satang = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (satang > MAX_MONEY_SATANG) return null;
  return m[1] === '-' && satang !== 0 ? -satang : satang;
}

/** Satang → the API's decimal string with two places ("112652.00"). */
export function formatMoney(satang: Satang): string {
  const sign = satang < 0 ? '-' : '';
  const abs = Math.abs(satang);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Satang → Thai display with thousands separators ("112,652.00"), as the printed reports show it. */
export function formatBaht(satang: Satang): string {
  const [whole, frac] = formatMoney(satang).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** Reads a value the database gave back for a BIGINT satang column or a SUM over one (string on MySQL, number on SQLite). */
export function satangFromDb(value: unknown): Satang {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'bigint' ? Number(value) : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`Not a whole number of satang: ${String(value)}`);
  return n;
}

/** TypeORM column transformer for nullable satang columns. */
export const satangColumn: ValueTransformer = {
  to: (value: Satang | null | undefined) => (value === undefined ? undefined : value),
  from: (value: unknown) => (value === null || value === undefined ? null : satangFromDb(value)),
};

/** The `Money` scalar of the API: a decimal string with two places; accepts a string or a number with ≤ 2 decimals. */
export const MoneyScalar = new GraphQLScalarType<Satang | null, string>({
  name: 'Money',
  description:
    'An amount of baht as a decimal string with two places ("112652.00"). Input: a string or number with at most two decimals, up to 999,999,999,999.99.',
  serialize(value) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new TypeError('Money must be held as satang');
    return formatMoney(value);
  },
  parseValue(value) {
    const satang = parseMoney(value);
    if (satang === null) throw moneyError();
    return satang;
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) {
      const satang = parseMoney(ast.kind === Kind.STRING ? ast.value : ast.value);
      if (satang !== null) return satang;
    }
    throw moneyError();
  },
});

function moneyError() {
  return new DomainError('BAD_USER_INPUT', MONEY_MESSAGE);
}
