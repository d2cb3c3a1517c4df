import { formatBaht } from '../../core/money';
import { thaiDateTime } from '../../core/pdf/thai-text';
import { ROLE_TH } from '../access/role';
import { LAO_TYPE_TH } from '../lao/lao.enums';
import { PLAN_STATUS_TH } from '../plan/project.enums';

/** One field of a record as the log shows a change to it: its Thai name, the value before and after. */
export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const ROUND = { SIX_MONTHS: 'รอบ 6 เดือน', TWELVE_MONTHS: 'รอบ 12 เดือน' } as Record<string, string>;

/** Thai names of the values of the enumerations records keep (a value not listed is shown as it is). */
const VALUES: Record<string, Record<string, string>> = {
  planStatus: PLAN_STATUS_TH,
  role: ROLE_TH,
  type: LAO_TYPE_TH,
  size: { SMALL: 'เล็ก', MEDIUM: 'กลาง', LARGE: 'ใหญ่' },
  round: ROUND,
  origin: { PLANNED: 'โครงการตามแผนฯ', ADDITIONAL: 'โครงการที่ขอทำเพิ่มเติม' },
  category: { PROJECT: 'โครงการ', ACTIVITY: 'กิจกรรม', MEASURE: 'มาตรการ', GUIDELINE: 'แนวปฏิบัติงาน' },
  status: {
    IN_PROGRESS: 'อยู่ระหว่างดำเนินการ',
    DONE: 'ดำเนินการแล้วเสร็จ',
    CANNOT_DO: 'ไม่สามารถดำเนินการได้',
    PENDING: 'รอการอนุมัติ',
    APPROVED: 'อนุมัติแล้ว',
    REJECTED: 'ไม่อนุมัติ',
    CANCELLED: 'ยกเลิกแล้ว',
  },
  cannotDoReason: {
    NO_BUDGET: 'ไม่ได้รับงบประมาณ',
    POLICY_CHANGED: 'นโยบายผู้บริหารเปลี่ยนแปลง',
    INSUFFICIENT_STAFF: 'บุคลากรไม่เพียงพอ',
    OTHER: 'อื่น ๆ',
  },
  targetGroups: {
    POLITICAL_EXECUTIVES: 'ข้าราชการการเมืองฝ่ายบริหาร',
    LOCAL_COUNCIL: 'ข้าราชการการเมืองฝ่ายสภาท้องถิ่น',
    LOCAL_STAFF: 'ข้าราชการ/พนักงาน/ลูกจ้าง ส่วนท้องถิ่น',
    CHILDREN_YOUTH: 'เด็กและเยาวชน',
    SCHOOLS: 'สถานศึกษา',
    CITIZENS_CIVIL_SOCIETY: 'ประชาชน/ภาคประชาสังคม',
    GOVERNMENT_AGENCIES: 'หน่วยงานภาครัฐ',
    STATE_ENTERPRISES: 'หน่วยงานภาครัฐวิสาหกิจ',
    PRIVATE_SECTOR: 'หน่วยงานภาคเอกชน',
  },
};

/** Fields kept in whole satang, shown in baht. */
const MONEY = new Set(['budget', 'disbursed', 'ordinanceBudget', 'revenue', 'subsidyRevenue']);
/** Fields that are instants, shown in Thai time. */
const INSTANTS = new Set(['opensAt', 'closesAt', 'openUntil', 'lockedUntil', 'expiresAt', 'revokedAt', 'requestedAt', 'decidedAt']);

/**
 * Thai names of the fields of the records the log keeps. A field not named here (ids, versions,
 * bookkeeping) is left out of the change list; ADMIN still reads the whole record.
 */
const FIELDS: Record<string, string> = {
  name: 'ชื่อ',
  code: 'รหัส อปท.',
  type: 'ประเภท',
  size: 'ขนาด',
  provinceCode: 'รหัสจังหวัด',
  districtCode: 'รหัสอำเภอ',
  address: 'ที่ตั้งทำการ',
  population: 'จำนวนประชากร',
  revenue: 'รายได้',
  subsidyRevenue: 'เงินอุดหนุน',
  executiveName: 'ชื่อผู้บริหาร',
  chiefAdministratorName: 'ชื่อปลัด',
  officeHeadName: 'ชื่อหัวหน้าสำนักปลัด',
  website: 'เว็บไซต์',
  coordinatorName: 'ชื่อผู้ประสานงาน',
  coordinatorPosition: 'ตำแหน่งผู้ประสานงาน',
  coordinatorDepartment: 'สังกัดผู้ประสานงาน',
  coordinatorPhone: 'โทรศัพท์ผู้ประสานงาน',
  coordinatorMobile: 'โทรศัพท์มือถือผู้ประสานงาน',
  coordinatorFax: 'โทรสารผู้ประสานงาน',
  coordinatorEmail: 'อีเมลผู้ประสานงาน',
  active: 'ใช้งานอยู่',
  firstFiscalYear: 'อยู่ในทะเบียนตั้งแต่ปีงบประมาณ',
  lastFiscalYear: 'อยู่ในทะเบียนถึงปีงบประมาณ',
  username: 'ชื่อผู้ใช้งาน',
  role: 'บทบาท',
  displayName: 'ชื่อ-สกุล ผู้ใช้งาน',
  email: 'อีเมล',
  laoCode: 'รหัส อปท.',
  disabled: 'ระงับการใช้งาน',
  lockedUntil: 'ล็อกถึง',
  seq: 'ลำดับ',
  origin: 'ที่มาของโครงการ',
  category: 'ประเภทโครงการ',
  quarters: 'ไตรมาส',
  dimension: 'มิติ',
  extraDimensions: 'มิติเพิ่มเติม',
  budget: 'งบประมาณ',
  targetGroups: 'กลุ่มเป้าหมาย',
  objective: 'วัตถุประสงค์',
  note: 'หมายเหตุ',
  fiscalYear: 'ปีงบประมาณ',
  fiscalYears: 'ปีงบประมาณ',
  planStatus: 'สถานะในแผนฯ',
  reviewReason: 'เหตุผลของสำนักงาน ป.ป.ช.',
  reductionNote: 'เหตุผลที่ขอลด',
  round: 'รอบรายงาน',
  inOrdinance: 'อยู่ในข้อบัญญัติ/เทศบัญญัติ',
  ordinanceBudget: 'งบประมาณตามข้อบัญญัติ',
  disbursed: 'เบิกจ่าย',
  status: 'สถานะ',
  cannotDoReason: 'เหตุที่ไม่สามารถดำเนินการได้',
  cannotDoText: 'รายละเอียดเหตุที่ไม่สามารถดำเนินการได้',
  carried: 'ยกมาจากรอบ 6 เดือน',
  problems: 'ปัญหาและอุปสรรค',
  suggestions: 'ข้อเสนอแนะ',
  reporterName: 'ชื่อผู้รายงาน',
  reporterPosition: 'ตำแหน่งผู้รายงาน',
  opensAt: 'เปิดรายงาน',
  closesAt: 'ปิดรายงาน',
  openUntil: 'เปิดถึง',
  baselineCount: 'จำนวนโครงการตั้งต้น',
  minimumCount: 'จำนวนโครงการขั้นต่ำ',
  currentCount: 'จำนวนเดิม',
  requestedCount: 'จำนวนที่ขอ',
  reason: 'เหตุผล',
  selfScore: 'คะแนนประเมินตนเอง',
  evaluatedScore: 'คะแนนจากการประเมิน',
  projectCount: 'จำนวนโครงการ',
  kind: 'ประเภทรางวัล',
  text: 'รายละเอียด',
  highFrom: 'ระดับมาก ตั้งแต่',
  mediumFrom: 'ระดับกลาง ตั้งแต่',
  published: 'เผยแพร่ต่อสาธารณะ',
  revokedAt: 'ยกเลิกเมื่อ',
  trustedBrowser: 'เบราว์เซอร์ที่เคยเข้าสู่ระบบ',
  created: 'เพิ่มใหม่',
  updated: 'ปรับปรุง',
  refused: 'ไม่ถูกบันทึก',
  fileName: 'ชื่อไฟล์',
  isPublic: 'เผยแพร่ต่อสาธารณะ',
};

const EMPTY = '—';

/** A value of a record's field as the log shows it: baht, Thai names of enumerations, Thai dates, ใช่/ไม่ใช่. */
export function thaiValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (Array.isArray(value)) return value.length ? value.map((v) => thaiValue(field, v)).join(', ') : EMPTY;
  if (typeof value === 'boolean') return value ? 'ใช่' : 'ไม่ใช่';
  if (MONEY.has(field) && (typeof value === 'number' || typeof value === 'string') && /^-?\d+$/.test(String(value))) {
    return `${formatBaht(Number(value))} บาท`;
  }
  if (INSTANTS.has(field) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return thaiDateTime(new Date(value));
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  return VALUES[field]?.[text] ?? text;
}

const parse = (json: string | null): Record<string, unknown> => {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** The fields a change touched, in Thai: every named field whose shown value differs between before and after. */
export function fieldChanges(before: string | null, after: string | null): FieldChange[] {
  const was = parse(before);
  const is = parse(after);
  const fields = [...new Set([...Object.keys(is), ...Object.keys(was)])].filter((f) => Object.hasOwn(FIELDS, f));
  return fields
    .map((field) => ({ field, label: FIELDS[field], before: thaiValue(field, was[field]), after: thaiValue(field, is[field]) }))
    .filter((c) => c.before !== c.after);
}

/** Round and year as a sentence names them: "รอบ 6 เดือน ปี พ.ศ. 2567". */
export const roundOfYear = (round: string | undefined, fiscalYear: string | number | undefined): string =>
  [round ? (ROUND[round] ?? round) : '', fiscalYear ? `ปี พ.ศ. ${fiscalYear}` : ''].filter(Boolean).join(' ');

/** The whole line of the log: "<who> <did> <what> — <when, Thai time>". */
export const auditSentence = (actor: string, action: string, target: string, at: Date): string =>
  `${[actor, action, target].filter(Boolean).join(' ')} — ${thaiDateTime(at)}`;
