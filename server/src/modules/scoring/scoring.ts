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
}

export function score(done: number, inProgress: number, denominator: number, thresholds: Thresholds): Score {
  const raw = implementationScore(done, inProgress, denominator);
  const capped = capScore(raw);
  return { raw, capped, level: levelOf(capped, thresholds) };
}

/** "100.00*" when the raw score was capped, as the memo prints it. */
export const formatCapped = (s: Score): string => `${formatPercent(s.capped)}${s.raw > s.capped ? '*' : ''}`;
