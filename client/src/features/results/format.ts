/**
 * Numbers of the reporting screens, Thai style. Money arrives as the API's decimal string
 * ("112652.00") and is grouped with string arithmetic, so no amount passes through a binary float.
 * Percentages arrive as numbers with two decimals (63.27) and are only shown here, never summed.
 */

const MONEY = /^(-?)(\d+)(?:\.(\d*))?$/;

/** "112652.00" → "112,652.00"; null → "0.00" (no budget reads as nothing spent). */
export function formatMoney(value: string | null | undefined): string {
  const m = MONEY.exec((value ?? '0').trim());
  if (!m) return value ?? '';
  const [, sign, whole, frac = ''] = m;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}.${(frac + '00').slice(0, 2)}`;
}

/** What a user typed as an amount ("60,000", " 1500.5 ") as the API's decimal string, or null if it is not one. */
export function parseMoneyInput(text: string): string | null {
  const clean = text.replace(/[,\s]/g, '');
  return /^\d{1,12}(\.\d{1,2})?$/.test(clean) ? clean : null;
}

/** The API's percentage (two decimals) in whole hundredths: 39.66 → 3966. */
const hundredths = (percent: number): number => Math.round(percent * 100);

/** 63.27 → "63.27"; 0 → "0.00". */
export function formatPercent(percent: number): string {
  const h = hundredths(percent);
  const sign = h < 0 ? '-' : '';
  const abs = Math.abs(h);
  return `${sign}${Math.trunc(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** As the old system shows a reporting rate: a whole percent, half-up (39.66 → "40", 40.50 → "41"). */
export function formatWholePercent(percent: number): string {
  return String(Math.floor((hundredths(percent) + 50) / 100));
}

/** The score as screens show it: capped at 100.00, with "*" when the raw score was higher ("100.00*"). */
export function formatCappedScore(score: number, cappedScore: number): string {
  return `${formatPercent(cappedScore)}${hundredths(score) > hundredths(cappedScore) ? '*' : ''}`;
}

/** Whether the score needs the "*" footnote. */
export const isCapped = (score: number, cappedScore: number): boolean => hundredths(score) > hundredths(cappedScore);

/** A count with thousands separators: 7850 → "7,850". */
export const formatCount = (n: number): string => n.toLocaleString('en-US');
