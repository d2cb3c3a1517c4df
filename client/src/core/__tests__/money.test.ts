import { formatMoney, formatSatang, parseMoney, satangOf } from '../money';

describe('money: what a user may type as an amount', () => {
  // The server's Money rules: up to twelve digits and two decimals, thousands commas, trimmed.
  it.each([
    ['3000', '3000.00'],
    ['15,000.50', '15000.50'],
    ['60,845,400', '60845400.00'],
    [' 8500.5 ', '8500.50'],
    ['0', '0.00'],
    ['007', '7.00'],
    ['1,2,3', '123.00'],
    ['999,999,999,999.99', '999999999999.99'],
    ['๑๕,๐๐๐.๕๐', '15000.50'],
    ['๓๐๐๐', '3000.00'],
  ])('%j is the amount %j', (typed, sent) => {
    expect(parseMoney(typed)).toBe(sent);
  });

  it.each([[''], ['  '], ['abc'], ['1.234'], ['1e5'], ['-5'], ['+5'], ['1 500'], ['1,000,000,000,000'], ['12.'], ['.5'], ['๑.๒๓๔']])(
    '%j is not an amount',
    (typed) => {
      expect(parseMoney(typed)).toBeNull();
    },
  );
});

describe('money: as screens show it', () => {
  it.each([
    ['112652.00', '112,652.00'],
    ['370000.00', '370,000.00'],
    ['0.5', '0.50'],
    ['-12.5', '-12.50'],
    ['999999999999.99', '999,999,999,999.99'],
    [null, '0.00'],
    [undefined, '0.00'],
  ])('%j shows as %j', (api, shown) => {
    expect(formatMoney(api)).toBe(shown);
  });

  it('adds awkward amounts to the satang', () => {
    const amounts = ['0.10', '0.20', '999999999.99', '0.01', '112652.00'];
    const total = amounts.reduce((sum, a) => sum + satangOf(a), 0);
    expect(formatSatang(total)).toBe('1,000,112,652.30');
    expect(formatSatang(satangOf('0.10') + satangOf('0.20'))).toBe('0.30');
  });
});
