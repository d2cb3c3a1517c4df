import { ReportRound, ROUND_TH } from '../plan/report.enums';
import type { OpenDataRow } from './public.service';

/** The columns of the open data, in order, with their Frictionless types and Thai descriptions (the data dictionary). */
export const OPEN_DATA_FIELDS: Array<{
  name: keyof OpenDataRow;
  type: 'string' | 'integer' | 'number';
  title: string;
  description: string;
}> = [
  { name: 'lao_code', type: 'string', title: 'รหัส อปท.', description: 'รหัสองค์กรปกครองส่วนท้องถิ่น 7 หลัก' },
  { name: 'lao_name', type: 'string', title: 'ชื่อ อปท.', description: 'ชื่อองค์กรปกครองส่วนท้องถิ่น' },
  { name: 'province_code', type: 'string', title: 'รหัสจังหวัด', description: 'รหัสจังหวัด 2 หลัก' },
  { name: 'province_name', type: 'string', title: 'จังหวัด', description: 'ชื่อจังหวัด' },
  { name: 'district_code', type: 'string', title: 'รหัสอำเภอ', description: 'รหัสอำเภอ/เขต 4 หลัก' },
  { name: 'district_name', type: 'string', title: 'อำเภอ', description: 'ชื่ออำเภอ/เขต' },
  { name: 'fiscal_year', type: 'integer', title: 'ปีงบประมาณ', description: 'ปีงบประมาณ พ.ศ.' },
  { name: 'round', type: 'string', title: 'รอบการรายงาน', description: 'SIX_MONTHS = รอบ 6 เดือน, TWELVE_MONTHS = รอบ 12 เดือน' },
  { name: 'done', type: 'integer', title: 'ดำเนินการแล้วเสร็จ', description: 'จำนวนโครงการที่ดำเนินการแล้วเสร็จในรอบ (ว่าง = ยังไม่เผยแพร่)' },
  { name: 'in_progress', type: 'integer', title: 'อยู่ระหว่างดำเนินการ', description: 'จำนวนโครงการที่อยู่ระหว่างดำเนินการ นับครึ่งหนึ่งในคะแนน' },
  { name: 'denominator', type: 'integer', title: 'ตัวหาร', description: 'โครงการขั้นต่ำที่ ป.ป.ช. กำหนด หรือโครงการตั้งต้น' },
  { name: 'denominator_kind', type: 'string', title: 'ที่มาของตัวหาร', description: 'minimum = โครงการขั้นต่ำ, baseline = โครงการตั้งต้น' },
  {
    name: 'score',
    type: 'number',
    title: 'ผลการนำแผนฯ ไปปฏิบัติ (ร้อยละ)',
    description: '(ดำเนินการแล้วเสร็จ + 0.5 × อยู่ระหว่างดำเนินการ) ÷ ตัวหาร × 100 ปัดเศษครึ่งขึ้น 2 ตำแหน่ง อาจเกิน 100',
  },
  { name: 'shown_score', type: 'string', title: 'คะแนนที่แสดง', description: 'คะแนนที่ไม่เกิน 100.00 มีเครื่องหมาย * เมื่อคำนวณได้เกิน 100' },
  { name: 'level', type: 'string', title: 'ระดับการนำแผนไปปฏิบัติ', description: 'HIGH = มาก, MEDIUM = กลาง, LOW = น้อย ตามเกณฑ์ของรอบ' },
  { name: 'explanation', type: 'string', title: 'ที่มาของคะแนน', description: 'การคำนวณคะแนนเป็นภาษาไทย จากโมดูลคะแนนเดียวกับคะแนน' },
];

/** The file names of a round's resources. */
export const resourceName = (round: ReportRound, ext: 'csv' | 'json') => `lao-scores-${round.toLowerCase().replace('_', '-')}.${ext}`;

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** RFC 4180 CSV, UTF-8 with a byte-order mark (Excel opens the Thai right), CRLF line ends. */
export function openDataCsv(rows: OpenDataRow[]): string {
  const lines = [
    OPEN_DATA_FIELDS.map((f) => f.name).join(','),
    ...rows.map((r) => OPEN_DATA_FIELDS.map((f) => csvCell(r[f.name])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The JSON resource: the rows as objects, numbers as numbers. */
export const openDataJson = (rows: OpenDataRow[]): string =>
  `\uFEFF${JSON.stringify(rows.map((r) => ({ ...r, score: r.score === null ? null : Number(r.score) })))}`;

/** The Frictionless Data Package of a round: its two resources with the data dictionary as their schema, the licence, the source. */
export function dataPackage(fiscalYear: number, round: ReportRound, rowCount: number): object {
  const schema = { fields: OPEN_DATA_FIELDS, primaryKey: ['lao_code'] };
  return {
    profile: 'tabular-data-package',
    name: `e-plannacc-${fiscalYear}-${round.toLowerCase().replace('_', '-')}`,
    title: `ผลการนำแผนปฏิบัติการป้องกันการทุจริตไปปฏิบัติ ราย อปท. ปีงบประมาณ พ.ศ. ${fiscalYear} ${ROUND_TH[round]}`,
    description: `คะแนนและระดับการนำแผนไปปฏิบัติของ อปท. ทุกแห่ง ${rowCount} แห่ง ในรอบที่ปิดแล้ว ตัวเลขเดียวกับตารางระดับจังหวัด ไม่มีข้อมูลส่วนบุคคล`,
    language: 'th',
    licenses: [
      {
        name: 'ODC-BY-1.0',
        title: 'Open Data Commons Attribution License 1.0 (อ้างอิงแหล่งที่มา: สำนักงาน ป.ป.ช.)',
        path: 'https://opendatacommons.org/licenses/by/1-0/',
      },
    ],
    sources: [{ title: 'ระบบ e-PlanNACC สำนักงาน ป.ป.ช.' }],
    resources: (['csv', 'json'] as const).map((ext) => ({
      name: `lao-scores-${ext}`,
      path: resourceName(round, ext),
      profile: 'tabular-data-resource',
      format: ext,
      mediatype: ext === 'csv' ? 'text/csv' : 'application/json',
      encoding: 'utf-8-sig',
      ...(ext === 'csv' ? { dialect: { delimiter: ',', lineTerminator: '\r\n', header: true } } : {}),
      schema,
    })),
  };
}
