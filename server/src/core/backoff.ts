/**
 * The pause before attempt n + 1 of a delivery that failed n times (webhooks, notices): 10 s, 20 s, 40 s …
 * at most an hour — long enough for a receiver or a mail server to come back, short enough to catch up.
 */
export const retryDelayMs = (attempts: number) => Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
