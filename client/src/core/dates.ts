export { formatDuration } from './duration';

/** Every instant from the API is UTC; users read it in Thailand's time. */
export const TIME_ZONE = 'Asia/Bangkok';

// The browser's own Thai calendar (Buddhist Era, Thai month abbreviations): no date library for the
// pages that only show dates, which are most of them.
const DATE = new Intl.DateTimeFormat('th-TH', { timeZone: TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('th-TH', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 2 พ.ค. 2567 */
export function formatDate(iso: string | null | undefined): string {
  return iso ? DATE.format(new Date(iso)) : '';
}

/** 2 พ.ค. 2567 10:00 น. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? `${DATE.format(new Date(iso))} ${TIME.format(new Date(iso))} น.` : '';
}

/** 10:05 น. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? `${TIME.format(new Date(iso))} น.` : '';
}
