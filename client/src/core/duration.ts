import { fmt, t } from './i18n';

/** 299 → "4 นาที 59 วินาที" */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  return minutes > 0
    ? fmt(t.time.minutesSeconds, { minutes, seconds: String(seconds).padStart(2, '0') })
    : fmt(t.time.seconds, { seconds });
}
