import { th } from './th';

/** The strings of the current language. Thai is the language of the system. */
export const t = th;

/** Fills `{name}` placeholders: fmt(t.users.locked, { time: '10:05 น.' }). */
export function fmt(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
