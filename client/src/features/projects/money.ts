/**
 * Amounts of baht as the API sends them: decimal strings with two places ("3000.00"). They are shown
 * and added up as text and whole satang, never through binary floats.
 */

const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/;

/** An amount as a user may type it: digits, optional thousands commas, at most two decimals. */
export function isMoneyText(text: string): boolean {
  const value = text.trim();
  return AMOUNT.test(value) || GROUPED.test(value);
}

/** "3,000.50" → "3000.50", ready for the Money scalar; null when it is not an amount. */
export function moneyFromText(text: string): string | null {
  if (!isMoneyText(text)) return null;
  const [whole, frac = ''] = text.trim().replace(/,/g, '').split('.');
  return `${whole.replace(/^0+(?=\d)/, '')}.${frac.padEnd(2, '0')}`;
}

/** "3000.00" → 300000 (satang), for sums. */
export function satangOf(money: string | null | undefined): number {
  if (!money) return 0;
  const m = AMOUNT.exec(money.replace(/^-/, ''));
  if (!m) return 0;
  const satang = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return money.startsWith('-') ? -satang : satang;
}

/** 300000 → "3,000.00" */
export function formatSatang(satang: number): string {
  const sign = satang < 0 ? '-' : '';
  const abs = Math.abs(satang);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** "3000.00" → "3,000.00"; null (no budget) → "0.00", as the printed plan shows it. */
export function formatBaht(money: string | null | undefined): string {
  return formatSatang(satangOf(money));
}
