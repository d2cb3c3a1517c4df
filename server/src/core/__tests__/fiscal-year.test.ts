import { fiscalYearOf, projectFiscalYears, selectableFiscalYears } from '../fiscal-year';

describe('fiscal year (Buddhist Era)', () => {
  it.each([
    ['2023-09-30T16:59:59Z', 2566], // 30 Sep 2566, 23:59:59 in Bangkok
    ['2023-09-30T17:00:00Z', 2567], // 1 Oct 2566, 00:00 in Bangkok: FY 2567 begins
    ['2024-03-31T12:00:00Z', 2567], // end of the six-month round
    ['2024-05-02T03:00:00Z', 2567], // the memo's date
    ['2024-09-30T16:59:59Z', 2567],
    ['2026-11-22T00:00:00Z', 2570],
  ])('%s is in FY %i', (iso, year) => {
    expect(fiscalYearOf(new Date(iso))).toBe(year);
  });

  it('offers next year down to 2561, newest first', () => {
    const years = selectableFiscalYears(new Date('2024-05-02T03:00:00Z'));
    expect(years[0]).toBe(2568);
    expect(years[years.length - 1]).toBe(2561);
    expect(years).toHaveLength(8);
  });

  it('lets a project be planned from last year (closed) to four years ahead, the first day of a fiscal year included', () => {
    expect(projectFiscalYears(new Date('2024-05-02T03:00:00Z'))).toEqual([2566, 2567, 2568, 2569, 2570, 2571]);
    expect(projectFiscalYears(new Date('2024-09-30T17:00:00Z'))).toEqual([2567, 2568, 2569, 2570, 2571, 2572]);
  });
});
