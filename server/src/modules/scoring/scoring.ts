import { registerEnumType } from 'type-graphql';
import { ReportRound } from '../plan/report.enums';

/**
 * Every formula of PRODUCT.md §5, in one place, so that a rule NACC publishes replaces them here.
 *
 * Percentages are computed from whole numbers (counts, satang) with BigInt and rounded half-up to two
 * decimals; they are carried as whole hundredths of a percent (6327 = 63.27 %) and turned into a
 * decimal only at the edge. No binary float takes part in any sum or division.
 */

export enum ImplementationLevel {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}
registerEnumType(ImplementationLevel, { name: 'ImplementationLevel', description: 'ระดับการนำแผนไปปฏิบัติ มาก / กลาง / น้อย' });

export const LEVEL_TH: Record<ImplementationLevel, string> = { HIGH: 'มาก', MEDIUM: 'กลาง', LOW: 'น้อย' };

/** Hundredths of a percent: 6327 means 63.27 %. */
export type Hundredths = number;

/** round_half_up(numerator / denominator × 100, 2 decimals) in hundredths; 0 when the divisor is 0. */
export function percentHundredths(numerator: bigint | number, denominator: bigint | number): Hundredths {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) return 0;
  const scaled = n * 10000n;
  const q = scaled / d;
  const r = scaled % d;
  return Number(2n * (r < 0n ? -r : r) >= (d < 0n ? -d : d) ? q + (scaled < 0n !== d < 0n ? -1n : 1n) : q);
}

/** Hundredths → the number the API sends (63.27). Exact to two decimals in decimal form. */
export const toPercent = (h: Hundredths): number => Number((h / 100).toFixed(2));

/** "63.27" / "100.00" for print. */
export const formatPercent = (h: Hundredths): string => `${Math.trunc(h / 100)}.${String(Math.abs(h % 100)).padStart(2, '0')}`;

export const FULL_SCORE: Hundredths = 10000;

/** ผลการนำแผนฯ ไปปฏิบัติ = (done + ½ × in progress) ÷ denominator × 100. Raw: may exceed 100. */
export function implementationScore(done: number, inProgress: number, denominator: number): Hundredths {
  return percentHundredths(2 * done + inProgress, 2 * denominator);
}

/** Screens show the score capped at 100.00, with a mark when capped ("100.00*"). */
export const capScore = (raw: Hundredths): Hundredths => Math.min(raw, FULL_SCORE);

/** The denominator of the score: NACC's minimum count when set, else the year's baseline count. */
export const scoreDenominator = (minimumCount: number | null, baselineCount: number): number => minimumCount ?? baselineCount;

/** Reporting rate (คิดเป็นการรายงานผลร้อยละ) = reported ÷ created × 100. */
export const reportingRate = (reported: number, created: number): Hundredths => percentHundredths(reported, created);

/** A level boundary: the score must reach `from` (inclusive) or pass it (exclusive). */
export interface Bound {
  from: Hundredths;
  inclusive: boolean;
}

export interface Thresholds {
  high: Bound;
  medium: Bound;
}

/** Defaults of PRODUCT.md §5: six months HIGH ≥ 50, MEDIUM > 20; twelve months HIGH ≥ 80, MEDIUM ≥ 50. */
export const DEFAULT_THRESHOLDS: Record<ReportRound, Thresholds> = {
  SIX_MONTHS: { high: { from: 5000, inclusive: true }, medium: { from: 2000, inclusive: false } },
  TWELVE_MONTHS: { high: { from: 8000, inclusive: true }, medium: { from: 5000, inclusive: true } },
};

const reaches = (score: Hundredths, bound: Bound) => (bound.inclusive ? score >= bound.from : score > bound.from);

/** The level of a (capped) score under a round's thresholds. */
export function levelOf(capped: Hundredths, thresholds: Thresholds): ImplementationLevel {
  if (reaches(capped, thresholds.high)) return ImplementationLevel.HIGH;
  if (reaches(capped, thresholds.medium)) return ImplementationLevel.MEDIUM;
  return ImplementationLevel.LOW;
}

/** A score with everything a screen or report shows of it. */
export interface Score {
  raw: Hundredths;
  capped: Hundredths;
  level: ImplementationLevel;
  /** ที่มาของคะแนน in plain Thai, written from the same numbers as the score (explainScore). */
  explanation: string;
}

/**
 * The score of an LAO's round with its explanation: both come from the same counts, denominator and
 * thresholds here, so the words can never disagree with the figure.
 */
export function score(done: number, inProgress: number, denominator: number, thresholds: Thresholds, fromMinimum = false): Score {
  const raw = implementationScore(done, inProgress, denominator);
  const capped = capScore(raw);
  const level = levelOf(capped, thresholds);
  return { raw, capped, level, explanation: explainScore({ done, inProgress, denominator, fromMinimum, raw, capped, level }, thresholds) };
}

/** "100.00*" when the raw score was capped, as the memo prints it. */
export const formatCapped = (s: Pick<Score, 'raw' | 'capped'>): string => `${formatPercent(s.capped)}${s.raw > s.capped ? '*' : ''}`;

/** The denominator's name: โครงการขั้นต่ำ when NACC set a minimum, else the baseline (โครงการตั้งต้น). */
export const denominatorName = (fromMinimum: boolean): string => (fromMinimum ? 'โครงการขั้นต่ำ' : 'โครงการตั้งต้น');

/** A count of halves (2 × done + in progress) as the number it stands for: 40, 27.5. */
const halves = (n: number): string => `${Math.trunc(n / 2)}${n % 2 ? '.5' : ''}`;

const boundText = (b: Bound): string => `${b.inclusive ? '≥' : '>'} ${formatPercent(b.from)}`;

/** เกณฑ์ของรอบ in words: "มาก ≥ 50.00, กลาง > 20.00, น้อย ต่ำกว่านั้น". */
export const thresholdsText = (t: Thresholds): string =>
  `${LEVEL_TH.HIGH} ${boundText(t.high)}, ${LEVEL_TH.MEDIUM} ${boundText(t.medium)}, ${LEVEL_TH.LOW} ต่ำกว่านั้น`;

/**
 * The fewest more projects done (the others as they are) that lift a score to the next level, or null
 * at the top or when no number of projects can (no denominator, or a bound above 100 %).
 */
export function projectsToNextLevel(done: number, inProgress: number, denominator: number, thresholds: Thresholds): number | null {
  const level = levelOf(capScore(implementationScore(done, inProgress, denominator)), thresholds);
  if (level === ImplementationLevel.HIGH || denominator <= 0) return null;
  const target = level === ImplementationLevel.LOW ? thresholds.medium : thresholds.high;
  // The score grows with each project done and is capped at 100.00 by `denominator` more: the least that reaches it.
  const enough = (more: number) => reaches(capScore(implementationScore(done + more, inProgress, denominator)), target);
  if (!enough(denominator)) return null;
  let [low, high] = [0, denominator];
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (enough(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/** What explainScore needs: the counts and what score() made of them. */
export interface ScoreBasis {
  done: number;
  inProgress: number;
  denominator: number;
  fromMinimum: boolean;
  raw: Hundredths;
  capped: Hundredths;
  level: ImplementationLevel;
}

/**
 * ที่มาของคะแนน, e.g. "ดำเนินการแล้วเสร็จ 31 × 1 + อยู่ระหว่างดำเนินการ 18 × 0.5 = 40 ÷ โครงการขั้นต่ำ 15 =
 * 266.67 → แสดง 100.00* ระดับมาก (เกณฑ์ของรอบ: มาก ≥ 50.00, กลาง > 20.00, น้อย ต่ำกว่านั้น)", then what
 * would move the LAO up a level ("อีก 3 โครงการที่ดำเนินการแล้วเสร็จ จะได้ระดับมาก"; nothing at the top).
 */
export function explainScore(b: ScoreBasis, thresholds: Thresholds): string {
  const sum = `ดำเนินการแล้วเสร็จ ${b.done} × 1 + อยู่ระหว่างดำเนินการ ${b.inProgress} × 0.5 = ${halves(2 * b.done + b.inProgress)}`;
  const divided =
    b.denominator > 0
      ? `÷ ${denominatorName(b.fromMinimum)} ${b.denominator} = ${formatPercent(b.raw)}${b.raw > b.capped ? ` → แสดง ${formatCapped(b)}` : ''}`
      : `÷ ${denominatorName(b.fromMinimum)} 0 (ยังไม่มี${denominatorName(b.fromMinimum)} คะแนนจึงเป็น ${formatPercent(b.raw)})`;
  const level = `ระดับ${LEVEL_TH[b.level]} (เกณฑ์ของรอบ: ${thresholdsText(thresholds)})`;
  const more = projectsToNextLevel(b.done, b.inProgress, b.denominator, thresholds);
  const next = b.level === ImplementationLevel.LOW ? ImplementationLevel.MEDIUM : ImplementationLevel.HIGH;
  const up = more === null ? '' : ` อีก ${more} โครงการที่ดำเนินการแล้วเสร็จ จะได้ระดับ${LEVEL_TH[next]}`;
  return `${sum} ${divided} ${level}${up}`;
}
