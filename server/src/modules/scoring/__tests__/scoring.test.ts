import { ReportRound } from '../../plan/report.enums';
import {
  DEFAULT_THRESHOLDS,
  formatCapped,
  formatPercent,
  ImplementationLevel,
  implementationScore,
  levelOf,
  percentHundredths,
  reportingRate,
  score,
  scoreDenominator,
  toPercent,
} from '../scoring';

const six = DEFAULT_THRESHOLDS[ReportRound.SIX_MONTHS];
const twelve = DEFAULT_THRESHOLDS[ReportRound.TWELVE_MONTHS];

describe('scoring (PRODUCT.md §5), from the seed documents', () => {
  it.each([
    // The memo's per-dimension table (FY 2567, six months).
    ['dimension 1 projects', 5, 15, '33.33'],
    ['dimension 2 projects', 20, 20, '100.00'],
    ['dimension 3 projects', 2, 7, '28.57'],
    ['dimension 4 projects', 4, 7, '57.14'],
    ['total projects', 31, 49, '63.27'],
    ['dimension 4 budget (satang)', 11_265_200, 23_000_000, '48.98'],
    ['total budget (satang)', 11_265_200, 37_000_000, '30.45'],
    ['dimension 1 budget: nothing disbursed', 0, 10_500_000, '0.00'],
    ['dimension 2 budget: no divisor', 0, 0, '0.00'],
  ])('%s: %i / %i → %s', (_what, n, d, shown) => {
    expect(formatPercent(percentHundredths(n, d))).toBe(shown);
  });

  it('reproduces the memo’s status table: 31 done, 18 in progress of minimum 15 → 100.00*, มาก', () => {
    const s = score(31, 18, scoreDenominator(15, 49), six);
    expect(s.raw).toBe(26667);
    expect(formatCapped(s)).toBe('100.00*');
    expect(s.level).toBe(ImplementationLevel.HIGH);
  });

  it('reproduces the manual’s figures: 23 of 58 reported → 39.66; 23 done of baseline 57 → 40.35', () => {
    const rate = reportingRate(23, 58);
    expect(formatPercent(rate)).toBe('39.66');
    expect(formatPercent(implementationScore(23, 0, 57))).toBe('40.35');
    expect(toPercent(implementationScore(23, 0, 57))).toBe(40.35);
  });

  it.each([
    [2000, ImplementationLevel.LOW], // 20.00: MEDIUM needs more than 20
    [2001, ImplementationLevel.MEDIUM],
    [3467, ImplementationLevel.MEDIUM],
    [4999, ImplementationLevel.MEDIUM],
    [5000, ImplementationLevel.HIGH],
    [6379, ImplementationLevel.HIGH],
    [0, ImplementationLevel.LOW],
  ])('six months: %i hundredths is %s (the Krabi table: 20.00 น้อย, 34.67 กลาง, 63.79 มาก)', (h, level) => {
    expect(levelOf(h, six)).toBe(level);
  });

  it.each([
    [4999, ImplementationLevel.LOW],
    [5000, ImplementationLevel.MEDIUM],
    [7999, ImplementationLevel.MEDIUM],
    [8000, ImplementationLevel.HIGH],
  ])('twelve months: %i hundredths is %s', (h, level) => {
    expect(levelOf(h, twelve)).toBe(level);
  });

  it('caps 121.43 at 100.00 for the level, keeping the raw score', () => {
    // เทศบาลตำบลเขาพนม in the manual's province table: 17 done of 14 → 121.43
    const s = score(17, 0, 14, six);
    expect(formatPercent(s.raw)).toBe('121.43');
    expect(formatCapped(s)).toBe('100.00*');
    expect(s.level).toBe(ImplementationLevel.HIGH);
  });

  it.each([
    [1, 8, '12.50'], // exact
    [1, 3, '33.33'], // .333… down
    [2, 3, '66.67'], // .666… up
    [1, 16, '6.25'],
    [1, 32, '3.13'], // 3.125 → half-up
    [1, 64, '1.56'], // 1.5625 → 1.56
    [5, 8_000, '0.06'], // 0.0625 → 0.06
    [1, 80_000, '0.00'], // 0.00125 → 0.00
    [1, 40_000, '0.00'], // 0.0025 → 0.00
    [1, 20_000, '0.01'], // 0.005 → half-up to 0.01
  ])('rounds half-up: %i / %i → %s', (n, d, shown) => {
    expect(formatPercent(percentHundredths(n, d))).toBe(shown);
  });

  it('stays exact for the largest amounts (no float on the way)', () => {
    expect(percentHundredths(99_999_999_999_999n, 99_999_999_999_999n * 3n)).toBe(3333);
    expect(formatPercent(percentHundredths(1n, 3n))).toBe('33.33');
  });

  it('half of an in-progress project counts', () => {
    expect(formatPercent(implementationScore(0, 1, 2))).toBe('25.00');
    expect(implementationScore(0, 0, 0)).toBe(0);
  });
});
