import { sha256 } from '../../core/crypto';
import type { Satang } from '../../core/money';
import { thaiDateTime } from '../../core/pdf/thai-text';
import { ReportRound, WorkStatus } from '../plan/report.enums';
import { reportWarnings, type ReportWarning } from '../progress-report/report-warnings';
import { formatPercent, type Hundredths } from '../scoring/scoring';
import { RedFlagRule } from './red-flag.enums';

/*
 * The rules of the ควรตรวจสอบ queue, as a table: each rule has its code, its Thai title, what it looks
 * for in Thai (with its thresholds, which live here and nowhere else) and a pure function from a province's
 * round to its flags. A flag points at something to look at; it never changes a score (nothing here writes).
 */

/** One LAO of the province in the year's registry. */
export interface RoundLao {
  code: string;
  name: string;
}

/** A report of the round, as the rules read it. */
export interface RoundReport {
  status: WorkStatus;
  reportedAt: Date;
  inOrdinance: boolean;
  ordinanceBudget: Satang | null;
  disbursed: Satang | null;
  confirmedWarnings: ReportWarning[];
  /** A six-month DONE carried to twelve months: its warnings were confirmed (and flagged) in the six-month round. */
  carried: boolean;
  /** The note when it is long enough for IDENTICAL_NOTES to compare (NOTE_MIN_CHARS), else null. */
  note: string | null;
}

/** A counted project of the year (its standing counts, PRODUCT.md §5), with its report of the round if any. */
export interface RoundProject {
  laoCode: string;
  projectId: number;
  name: string;
  plannedBudget: Satang | null;
  report: RoundReport | null;
}

/** Everything the rules look at for one province, fiscal year and round. */
export interface RoundData {
  fiscalYear: number;
  round: ReportRound;
  laos: RoundLao[];
  projects: RoundProject[];
  /** When the round closed (or closes) for each LAO: the round's close, or its reopening's end when later. */
  closesAt: Map<string, Date>;
  /** Capped scores of the round this year and the year before, for the LAOs with figures in both years. */
  scores: Map<string, { now: Hundredths; before: Hundredths }>;
}

/** A flag as a rule finds it: the LAO, what tells this flag from the LAO's others under the rule, the evidence in Thai. */
export interface FlagFinding {
  laoCode: string;
  key: string;
  evidence: string;
}

export interface RedFlagRuleDefinition {
  code: RedFlagRule;
  title: string;
  criterion: string;
  evaluate(data: RoundData): FlagFinding[];
}

/** LAST_MINUTE: every report of the round saved within this many minutes before the close. */
export const LAST_MINUTES = 30;
/** SCORE_JUMP: at least this many points above last year … */
export const JUMP_POINTS = 40;
/** … and this many points above the province's median change. */
export const JUMP_ABOVE_PROVINCE_POINTS = 30;
/** IDENTICAL_PLANS: lists of fewer projects than this are not compared (a few standard names match by chance). */
export const IDENTICAL_PLAN_MIN_PROJECTS = 5;
/** IDENTICAL_NOTES: notes shorter than this (whitespace aside) are not compared ("ดำเนินการแล้ว" is everyone's). */
export const NOTE_MIN_CHARS = 40;
/** How many other LAOs an evidence text names before it says "and N more". */
const NAMED_LAOS = 5;

/** Text as shown: runs of whitespace made one space, trimmed. */
const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Text as compared: without any whitespace (Thai writes none between words; a copy often gains or loses some). */
const comparable = (text: string) => text.replace(/\s+/g, '');
const digest = (text: string) => sha256(text);
/** Whether a text has NOTE_MIN_CHARS characters (code points), without spelling out long ones: a province's notes run to megabytes. */
const longEnough = (text: string) =>
  text.length >= 2 * NOTE_MIN_CHARS || (text.length >= NOTE_MIN_CHARS && [...text].length >= NOTE_MIN_CHARS);
/** Text in quotes, cut at `max` characters (a note; names are quoted whole). */
const quoted = (text: string, max = Infinity) => `“${[...text].length > max ? `${[...text].slice(0, max).join('')}…` : text}”`;
/** How much of a shared note the evidence quotes. */
const NOTE_QUOTED = 80;
const points = (h: Hundredths) => formatPercent(h);
const signed = (h: Hundredths) => `${h >= 0 ? '+' : '−'}${formatPercent(Math.abs(h))}`;

/** The projects of each LAO, in the order of the LAO list. */
function byLao(data: RoundData): Map<string, RoundProject[]> {
  const out = new Map<string, RoundProject[]>(data.laos.map((l) => [l.code, []]));
  for (const p of data.projects) out.get(p.laoCode)?.push(p);
  return out;
}

/** "อบต.ก, อบต.ข และอีก 3 แห่ง": the names of other LAOs of a group. */
function namesOf(codes: string[], names: Map<string, string>): string {
  const shown = codes.slice(0, NAMED_LAOS).map((c) => names.get(c) ?? c);
  return codes.length > NAMED_LAOS ? `${shown.join(', ')} และอีก ${codes.length - NAMED_LAOS} แห่ง` : shown.join(', ');
}

/** The middle of a list of numbers (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * LAOs that share something by a hash of it (groups of two or more LAOs), one finding per LAO and group,
 * naming the others: hashes are compared, never the texts pairwise.
 */
function sharedAcrossLaos(
  data: RoundData,
  items: Array<{ laoCode: string; hash: string; describe: (others: string) => string }>,
): FlagFinding[] {
  const names = new Map(data.laos.map((l) => [l.code, l.name]));
  const groups = new Map<string, Map<string, (others: string) => string>>();
  for (const item of items) {
    const group = groups.get(item.hash) ?? groups.set(item.hash, new Map()).get(item.hash)!;
    if (!group.has(item.laoCode)) group.set(item.laoCode, item.describe);
  }
  const findings: FlagFinding[] = [];
  for (const [hash, group] of groups) {
    if (group.size < 2) continue;
    for (const [laoCode, describe] of group) {
      const others = [...group.keys()].filter((c) => c !== laoCode);
      findings.push({ laoCode, key: hash, evidence: describe(namesOf(others, names)) });
    }
  }
  return findings;
}

/** The rules, in the order the queue lists them. */
export const RED_FLAG_RULES: readonly RedFlagRuleDefinition[] = [
  {
    code: RedFlagRule.CONFIRMED_WARNING,
    title: 'ยืนยันบันทึกทั้งที่มีข้อควรตรวจสอบ',
    criterion: 'อปท. ยืนยันบันทึกรายงานผลทั้งที่ระบบแจ้งข้อควรตรวจสอบ (เช่น เบิกจ่ายสูงกว่างบประมาณ หรือดำเนินการแล้วเสร็จโดยไม่มีการเบิกจ่าย)',
    evaluate: (data) =>
      data.projects.flatMap((p) => {
        const r = p.report;
        if (!r || r.carried || r.confirmedWarnings.length === 0) return [];
        // The warnings as the report form said them, from the same rules and the figures kept.
        const said = reportWarnings({ plannedBudget: p.plannedBudget, ...r }).filter((w) => r.confirmedWarnings.includes(w.code));
        if (said.length === 0) return [];
        return [
          {
            laoCode: p.laoCode,
            key: `${p.projectId}:${[...r.confirmedWarnings].sort().join(',')}`,
            evidence: `โครงการ ${quoted(p.name)}: ${said.map((w) => w.message).join('; ')}`,
          },
        ];
      }),
  },
  {
    code: RedFlagRule.ALL_DONE_SIX_MONTHS,
    title: 'ดำเนินการแล้วเสร็จทุกโครงการตั้งแต่รอบ 6 เดือน',
    criterion: 'ทุกโครงการที่นับตามแผนรายงานว่าดำเนินการแล้วเสร็จตั้งแต่รอบ 6 เดือน (ครึ่งแรกของปีงบประมาณ)',
    evaluate: (data) => {
      if (data.round !== ReportRound.SIX_MONTHS) return [];
      return [...byLao(data)].flatMap(([laoCode, projects]) =>
        projects.length > 0 && projects.every((p) => p.report?.status === WorkStatus.DONE)
          ? [{ laoCode, key: '', evidence: `รายงานว่าดำเนินการแล้วเสร็จครบทั้ง ${projects.length} โครงการในรอบ 6 เดือน` }]
          : [],
      );
    },
  },
  {
    code: RedFlagRule.LAST_MINUTE,
    title: 'รายงานผลทุกโครงการในนาทีสุดท้ายก่อนปิดรอบ',
    criterion: `บันทึกรายงานผลครบทุกโครงการภายใน ${LAST_MINUTES} นาทีสุดท้ายก่อนปิดรอบรายงานผล`,
    evaluate: (data) =>
      [...byLao(data)].flatMap(([laoCode, projects]) => {
        const closesAt = data.closesAt.get(laoCode);
        if (!closesAt || projects.length === 0 || projects.some((p) => !p.report)) return [];
        const times = projects.map((p) => p.report!.reportedAt.getTime());
        const first = Math.min(...times);
        const last = Math.max(...times);
        const from = closesAt.getTime() - LAST_MINUTES * 60_000;
        if (first < from || last > closesAt.getTime()) return [];
        return [
          {
            laoCode,
            key: '',
            evidence: `บันทึกรายงานผลครบทั้ง ${projects.length} โครงการ ระหว่าง ${thaiDateTime(new Date(first))} ถึง ${thaiDateTime(
              new Date(last),
            )} ก่อนปิดรอบเมื่อ ${thaiDateTime(closesAt)}`,
          },
        ];
      }),
  },
  {
    code: RedFlagRule.SCORE_JUMP,
    title: 'คะแนนสูงขึ้นผิดปกติจากปีก่อน',
    criterion: `คะแนนสูงกว่าปีงบประมาณก่อนตั้งแต่ ${JUMP_POINTS} คะแนน และสูงกว่าการเปลี่ยนแปลงของ อปท. ในจังหวัด (ค่ามัธยฐาน) ตั้งแต่ ${JUMP_ABOVE_PROVINCE_POINTS} คะแนน`,
    evaluate: (data) => {
      const changes = [...data.scores].map(([laoCode, s]) => ({ laoCode, ...s, change: s.now - s.before }));
      const trend = median(changes.map((c) => c.change));
      return changes
        .filter((c) => c.change >= JUMP_POINTS * 100 && c.change - trend >= JUMP_ABOVE_PROVINCE_POINTS * 100)
        .map((c) => ({
          laoCode: c.laoCode,
          key: '',
          evidence: `คะแนน ${points(c.now)} สูงกว่าปีงบประมาณ พ.ศ. ${data.fiscalYear - 1} (${points(c.before)}) ${points(
            c.change,
          )} คะแนน ขณะที่ อปท. ในจังหวัดเปลี่ยนไป ${signed(Math.round(trend))} คะแนน (ค่ามัธยฐานของ ${changes.length} แห่ง)`,
        }));
    },
  },
  {
    code: RedFlagRule.IDENTICAL_PLANS,
    title: 'รายชื่อโครงการซ้ำกับ อปท. อื่นในจังหวัด',
    criterion: `รายชื่อโครงการทั้งหมดของปี (ตั้งแต่ ${IDENTICAL_PLAN_MIN_PROJECTS} โครงการ) ตรงกับของ อปท. อื่นในจังหวัดทุกรายการ (ไม่นับช่องว่าง)`,
    evaluate: (data) =>
      sharedAcrossLaos(
        data,
        [...byLao(data)].flatMap(([laoCode, projects]) => {
          const names = [...new Set(projects.map((p) => comparable(p.name)))].sort();
          if (names.length < IDENTICAL_PLAN_MIN_PROJECTS) return [];
          return [
            {
              laoCode,
              hash: digest(names.join('\n')),
              describe: (others: string) => `รายชื่อโครงการทั้ง ${names.length} โครงการตรงกับของ ${others} ทุกรายการ`,
            },
          ];
        }),
      ),
  },
  {
    code: RedFlagRule.IDENTICAL_NOTES,
    title: 'หมายเหตุในรายงานผลซ้ำกับ อปท. อื่นในจังหวัด',
    criterion: `หมายเหตุในรายงานผล (ยาวตั้งแต่ ${NOTE_MIN_CHARS} ตัวอักษร) ตรงกับของ อปท. อื่นในจังหวัดทุกตัวอักษร (ไม่นับช่องว่าง)`,
    evaluate: (data) =>
      sharedAcrossLaos(
        data,
        data.projects.flatMap((p) => {
          const note = p.report?.note ?? '';
          const compared = comparable(note);
          if (!longEnough(compared)) return [];
          return [
            {
              laoCode: p.laoCode,
              hash: digest(compared),
              describe: (others: string) =>
                `หมายเหตุของโครงการ ${quoted(p.name)} ตรงกับของ ${others}: ${quoted(normalized(note), NOTE_QUOTED)}`,
            },
          ];
        }),
      ),
  },
];

/** A rule's definition by its code. */
export const ruleOf = (code: RedFlagRule): RedFlagRuleDefinition => RED_FLAG_RULES.find((r) => r.code === code)!;
