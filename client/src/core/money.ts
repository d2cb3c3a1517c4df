/**
 * Amounts of baht, the one place the client reads and writes them. The API sends and takes decimal
 * strings with two places ("112652.00"); they are read, shown and added up as text and whole satang,
 * never through binary floats. What a user may type follows the server's Money scalar: up to
 * 999,999,999,999.99, at most two decimals, thousands commas anywhere — and Thai digits (๐–๙), which
 * are sent as Arabic ones.
 */

const TYPED = /^(\d{1,12})(?:\.(\d{1,2}))?$/;
const API = /^(-?)(\d+)(?:\.(\d*))?$/;
const THAI_DIGIT = /[\u0E50-\u0E59]/g;

/** ๓,๐๐๐.๕ → 3,000.5 */
const arabicDigits = (text: string): string => text.replace(THAI_DIGIT, (d) => String(d.charCodeAt(0) - 0x0e50));

/**
 * What a user typed as an amount ("60,000", " ๑๕๐๐.๕ ") as the API's decimal string ("60000.00",
 * "1500.50"), or null when it is not an amount of at most twelve digits and two decimals.
 */
export function parseMoney(text: string): string | null {
  const m = TYPED.exec(arabicDigits(text.trim()).replace(/,/g, ''));
  if (!m) return null;
  return `${m[1].replace(/^0+(?=\d)/, '')}.${(m[2] ?? '').padEnd(2, '0')}`;
}

/** The API's decimal string ("3000.50", "-12.5") in satang (300050, -1250); nothing or not an amount → 0. */
export function satangOf(money: string | null | undefined): number {
  const m = API.exec((money ?? '').trim());
  if (!m) return 0;
  const satang = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0').slice(0, 2));
  return m[1] === '-' && satang !== 0 ? -satang : satang;
}

/** 300050 → "3,000.50" */
export function formatSatang(satang: number): string {
  const sign = satang < 0 ? '-' : '';
  const abs = Math.abs(satang);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** The API's "112652.00" as screens show it, "112,652.00"; null (no budget) → "0.00", nothing spent. */
export function formatMoney(money: string | null | undefined): string {
  return formatSatang(satangOf(money));
}
