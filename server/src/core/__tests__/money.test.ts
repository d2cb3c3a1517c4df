import { formatBaht, formatMoney, parseMoney, satangFromDb, MoneyScalar } from '../money';
import { parse, valueFromAST, Kind } from 'graphql';

describe('money', () => {
  it.each([
    ['3000', 300_000],
    ['3,000.5', 300_050],
    ['112652.00', 11_265_200],
    [' 0.10 ', 10],
    [3000.5, 300_050],
    [0.1, 10],
    ['999999999999.99', 99_999_999_999_999],
    ['-5.25', -525],
  ])('parses %p into %p satang', (input, satang) => {
    expect(parseMoney(input)).toBe(satang);
  });

  it.each([['1.234'], ['abc'], [''], ['1e5'], [1e21], [Number.NaN], ['1000000000000.00'], [null], [{}], ['1.2.3']])(
    'refuses %p',
    (input) => {
      expect(parseMoney(input)).toBeNull();
    },
  );

  it.each([
    [0, '0.00', '0.00'],
    [5, '0.05', '0.05'],
    [11_265_200, '112652.00', '112,652.00'],
    [37_000_000, '370000.00', '370,000.00'],
    [99_999_999_999_999, '999999999999.99', '999,999,999,999.99'],
    [-525, '-5.25', '-5.25'],
  ])('formats %p satang as %p and %p', (satang, api, thai) => {
    expect(formatMoney(satang)).toBe(api);
    expect(formatBaht(satang)).toBe(thai);
  });

  it('sums awkward amounts to the satang (no binary float on the way)', () => {
    const amounts = ['0.10', '0.20', '999999999.99', '0.01', '33.33', '33.33', '33.34'];
    const total = amounts.map((a) => parseMoney(a)!).reduce((a, b) => a + b, 0);
    expect(formatMoney(total)).toBe('1000000100.30');
    expect(0.1 + 0.2).not.toBe(0.3); // what floats would have done
  });

  it('reads database sums given as strings (MySQL) or numbers (SQLite)', () => {
    expect(satangFromDb('11265200')).toBe(11_265_200);
    expect(satangFromDb(11_265_200)).toBe(11_265_200);
    expect(satangFromDb(null)).toBe(0);
    expect(() => satangFromDb('1.5')).toThrow();
  });

  it('is the Money scalar of the API: a two-place decimal string out, string or number in', () => {
    expect(MoneyScalar.serialize(11_265_200)).toBe('112652.00');
    expect(MoneyScalar.parseValue('3,000')).toBe(300_000);
    expect(MoneyScalar.parseValue(12.5)).toBe(1250);
    expect(() => MoneyScalar.parseValue('12.345')).toThrow('จำนวนเงินไม่ถูกต้อง');
    const literal = parse('{ f(a: "99.95") }').definitions[0];
    expect(literal).toBeDefined();
    expect(valueFromAST({ kind: Kind.STRING, value: '99.95' }, MoneyScalar)).toBe(9995);
    expect(valueFromAST({ kind: Kind.FLOAT, value: '99.95' }, MoneyScalar)).toBe(9995);
  });
});
