/**
 * Numbers of the reporting screens, Thai style (money: `@/core/money`). Percentages arrive as numbers
 * with two decimals (63.27) and are only shown here, never summed.
 */

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
