import { badInput } from '../../core/errors';

/** A document ready to send. */
export interface ExportFile {
  body: Buffer;
  /** File name for the download, Thai allowed. */
  fileName: string;
  type: 'pdf' | 'xlsx';
}

/** Reads a whole-number query parameter, or says in Thai what is wrong. */
export function intParam(query: Record<string, string | undefined>, name: string, label: string): number {
  const value = query[name];
  if (!value || !/^\d{1,6}$/.test(value)) throw badInput([{ field: name, message: `กรุณาระบุ${label}` }], `กรุณาระบุ${label}`);
  return Number(value);
}

export function stringParam(query: Record<string, string | undefined>, name: string, label: string, max = 200): string {
  const value = query[name]?.trim();
  if (!value) throw badInput([{ field: name, message: `กรุณาระบุ${label}` }], `กรุณาระบุ${label}`);
  if (value.length > max) throw badInput([{ field: name, message: `${label}ยาวเกิน ${max} ตัวอักษร` }], `${label}ยาวเกิน ${max} ตัวอักษร`);
  return value;
}
