/** Thai fiscal years are Buddhist Era years running 1 October (of the year before) to 30 September. */
export const BE_OFFSET = 543;

/** The first fiscal year of the first national plan the system knows (2561–2564). */
export const FIRST_FISCAL_YEAR = 2561;
/** How far ahead a plan may reach: the current fiscal year and four more (a five-year plan). */
export const YEARS_AHEAD = 4;

/** The fiscal year (BE) that contains the given instant, read in Bangkok time (UTC+7, no DST). */
export function fiscalYearOf(date: Date): number {
  const bangkok = new Date(date.getTime() + 7 * 3600_000);
  const year = bangkok.getUTCFullYear();
  const month = bangkok.getUTCMonth(); // 0 = January
  return year + BE_OFFSET + (month >= 9 ? 1 : 0);
}

/**
 * The fiscal years the system keeps data for: from the first plan it knows to YEARS_AHEAD past the
 * current year. Every fiscal year a caller sends, to a mutation or a query, must lie in this span
 * (checked at the edge by the input rules), so no stored year can drive a loop over a huge span.
 */
export function supportedFiscalYears(now: Date): { first: number; last: number } {
  return { first: FIRST_FISCAL_YEAR, last: fiscalYearOf(now) + YEARS_AHEAD };
}

/** The Thai message for a fiscal year outside the supported span (or not a whole number); null when it is fine. */
export function fiscalYearProblem(year: unknown, now: Date): string | null {
  const { first, last } = supportedFiscalYears(now);
  if (typeof year === 'number' && Number.isInteger(year) && year >= first && year <= last) return null;
  return `ปีงบประมาณต้องอยู่ระหว่าง พ.ศ. ${first}–${last}`;
}

/** The fiscal years a project may be planned in: last year (kept, closed) to YEARS_AHEAD past this one (a five-year plan). */
export function projectFiscalYears(now: Date): number[] {
  const current = fiscalYearOf(now);
  return Array.from({ length: YEARS_AHEAD + 2 }, (_, i) => current - 1 + i);
}

/** Fiscal years a user may pick: from the first year of the 2561–2564 plan up to next year. */
export function selectableFiscalYears(now: Date, first = FIRST_FISCAL_YEAR): number[] {
  const last = fiscalYearOf(now) + 1;
  const years: number[] = [];
  for (let y = last; y >= first; y--) years.push(y);
  return years;
}
