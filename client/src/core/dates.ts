import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import buddhistEra from 'dayjs/plugin/buddhistEra';
import 'dayjs/locale/th';

export { formatDuration } from './duration';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(buddhistEra);

/** Every instant from the API is UTC; users read it in Thailand's time. */
export const TIME_ZONE = 'Asia/Bangkok';

const inThailand = (iso: string) => dayjs(iso).tz(TIME_ZONE).locale('th');

/** 2 พ.ค. 2567 */
export function formatDate(iso: string | null | undefined): string {
  return iso ? inThailand(iso).format('D MMM BBBB') : '';
}

/** 2 พ.ค. 2567 10:00 น. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? `${inThailand(iso).format('D MMM BBBB HH:mm')} น.` : '';
}

/** 10:05 น. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? `${inThailand(iso).format('HH:mm')} น.` : '';
}
