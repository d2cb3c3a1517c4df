/**
 * The old names of two functions of `@/core/money`, for the LAO profile form, which still imports them
 * from here; remove this file once it imports `@/core/money` itself.
 */
export { formatMoney as formatBaht, parseMoney as moneyFromText } from '@/core/money';
