/** Thai fiscal years are Buddhist Era years running 1 October (of the year before) to 30 September. */
export const BE_OFFSET = 543;

/** The fiscal year (BE) that contains the given instant, read in Bangkok time (UTC+7, no DST). */
export function fiscalYearOf(date: Date): number {
  const bangkok = new Date(date.getTime() + 7 * 3600_000);
  const year = bangkok.getUTCFullYear();
  const month = bangkok.getUTCMonth(); // 0 = January
  return year + BE_OFFSET + (month >= 9 ? 1 : 0);
}

/** Fiscal years a user may pick: from the first year of the 2561–2564 plan up to next year. */
export function selectableFiscalYears(now: Date, first = 2561): number[] {
  const last = fiscalYearOf(now) + 1;
  const years: number[] = [];
  for (let y = last; y >= first; y--) years.push(y);
  return years;
}
