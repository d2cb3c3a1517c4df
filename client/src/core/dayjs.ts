import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

// Date arithmetic in Thailand's time zone (core/dates.TIME_ZONE), for the pages that pick or compute
// dates; showing a date needs none of it (core/dates.ts).
dayjs.extend(utc);
dayjs.extend(timezone);

export { dayjs };
