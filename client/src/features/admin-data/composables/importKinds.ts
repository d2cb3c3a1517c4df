import { t } from '@/features/admin-data/i18n';

export type ImportKind = 'laos' | 'users' | 'plan-years';
export const IMPORT_KINDS: ImportKind[] = ['laos', 'users', 'plan-years'];

type FieldKey = keyof typeof t.oversight.imports.fields;

export interface ImportColumn {
  field: FieldKey;
  /** Header names the server accepts for it: the field's name or its Thai heading. */
  headers: string[];
  required: boolean;
}

const col = (field: FieldKey, thai: string, required = false): ImportColumn => ({ field, headers: [field, thai], required });

/** The columns of each import, as the server reads them (the first row of the file names them). */
export const IMPORT_COLUMNS: Record<ImportKind, ImportColumn[]> = {
  laos: [
    col('code', 'รหัส อปท.', true),
    col('name', 'ชื่อ อปท.', true),
    col('type', 'ประเภท', true),
    col('size', 'ขนาด', true),
    col('provinceCode', 'รหัสจังหวัด', true),
    col('districtCode', 'รหัสอำเภอ', true),
    col('address', 'ที่ตั้ง'),
  ],
  users: [
    col('username', 'ชื่อผู้ใช้งาน', true),
    col('password', 'รหัสผ่าน', true),
    col('role', 'บทบาท', true),
    col('laoCode', 'รหัส อปท.'),
    col('provinceCode', 'รหัสจังหวัด'),
    col('email', 'อีเมล'),
    col('displayName', 'ชื่อ-สกุล'),
  ],
  'plan-years': [
    col('laoCode', 'รหัส อปท.', true),
    col('fiscalYear', 'ปีงบประมาณ', true),
    col('baselineCount', 'จำนวนโครงการตั้งต้น'),
    col('minimumCount', 'จำนวนโครงการขั้นต่ำ'),
  ],
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The Content-Type to send a file with: by its extension for .csv and .xlsx, else the type the browser
 * gives it; never text/plain, which the server refuses as a form post from another site. Null when the
 * file is neither CSV nor XLSX.
 */
export function uploadType(file: File): string | null {
  const ext = file.name.toLowerCase().split('.').pop();
  if (ext === 'csv') return 'text/csv';
  if (ext === 'xlsx') return XLSX;
  if (file.type === 'text/csv' || file.type === XLSX) return file.type;
  return null;
}

/** One cell of a CSV file, quoted when it must be. */
const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A UTF-8 CSV (with a byte-order mark, so Excel reads Thai) of a header and rows. */
export function toCsv(header: string[], rows: string[][]): Blob {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
  return new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
}
