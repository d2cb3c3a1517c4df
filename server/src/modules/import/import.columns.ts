import type { Table } from './spreadsheet';

export type ImportKind = 'laos' | 'users' | 'plan-years';

/** The columns of each import, by field, with the header names accepted for them (English or Thai). */
export const COLUMNS: Record<ImportKind, Record<string, string[]>> = {
  laos: {
    code: ['code', 'รหัส อปท.', 'รหัส'],
    name: ['name', 'ชื่อ อปท.', 'ชื่อ'],
    type: ['type', 'ประเภท'],
    size: ['size', 'ขนาด'],
    provinceCode: ['provinceCode', 'รหัสจังหวัด'],
    districtCode: ['districtCode', 'รหัสอำเภอ'],
    address: ['address', 'ที่ตั้ง', 'ที่ตั้งทำการ'],
  },
  users: {
    username: ['username', 'ชื่อผู้ใช้งาน'],
    password: ['password', 'รหัสผ่าน'],
    role: ['role', 'บทบาท'],
    laoCode: ['laoCode', 'รหัส อปท.'],
    provinceCode: ['provinceCode', 'รหัสจังหวัด'],
    email: ['email', 'อีเมล'],
    displayName: ['displayName', 'ชื่อ-สกุล', 'ชื่อ - สกุล'],
  },
  'plan-years': {
    laoCode: ['laoCode', 'รหัส อปท.'],
    fiscalYear: ['fiscalYear', 'ปีงบประมาณ'],
    baselineCount: ['baselineCount', 'จำนวนโครงการตั้งต้น', 'โครงการตั้งต้น'],
    minimumCount: ['minimumCount', 'จำนวนโครงการขั้นต่ำ', 'โครงการขั้นต่ำ'],
  },
};

/** Columns a file must have; the others may be left out. */
export const REQUIRED: Record<ImportKind, string[]> = {
  laos: ['code', 'name', 'type', 'size', 'provinceCode', 'districtCode'],
  // Every account but a SERVICE one signs in with a password: the column is there, its cell empty only for SERVICE rows.
  users: ['username', 'password', 'role'],
  'plan-years': ['laoCode', 'fiscalYear'],
};

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

export interface MappedTable {
  /** Data rows as field → text, with the row number of the file (the header is row 1). */
  rows: Array<Record<string, string> & { row: string }>;
  missingColumns: string[];
  unknownColumns: string[];
}

/** Reads the header row and turns every later row into field → text. */
export function mapTable(kind: ImportKind, table: Table): MappedTable {
  const [header = [], ...data] = table;
  const fields = COLUMNS[kind];
  const index: Record<string, number> = {};
  const unknownColumns: string[] = [];
  header.forEach((name, i) => {
    const field = Object.keys(fields).find((f) => fields[f].some((alias) => norm(alias) === norm(name)));
    if (field) index[field] = i;
    else if (name) unknownColumns.push(name);
  });
  const missingColumns = REQUIRED[kind].filter((f) => index[f] === undefined).map((f) => fields[f][1] ?? f);
  const rows = data.map((cells, i) => {
    const row: Record<string, string> & { row: string } = { row: String(i + 2) };
    for (const [field, at] of Object.entries(index)) row[field] = cells[at] ?? '';
    return row;
  });
  return { rows, missingColumns, unknownColumns };
}
