import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { recordAudit } from '../audit/audit.service';
import { ReportRound } from '../plan/report.enums';
import { LevelThreshold } from './level-threshold.entity';
import type { LevelThresholdInput, RoundThresholds } from './scoring.types';
import { thresholdsFor } from './year-figures';

/** Level thresholds of both rounds of a fiscal year: NACC's, or the defaults. */
export async function levelThresholdsOf(ctx: AppContext, fiscalYear: number): Promise<RoundThresholds[]> {
  const t = await thresholdsFor(ctx, fiscalYear);
  return [ReportRound.SIX_MONTHS, ReportRound.TWELVE_MONTHS].map((round) => ({
    round,
    highFrom: t[round].high.from,
    highInclusive: t[round].high.inclusive,
    mediumFrom: t[round].medium.from,
    mediumInclusive: t[round].medium.inclusive,
  }));
}

/** NACC central sets the level thresholds of one round of a fiscal year. */
export async function setLevelThresholds(ctx: AppContext, fiscalYear: number, input: LevelThresholdInput): Promise<RoundThresholds[]> {
  if (input.mediumFrom > input.highFrom) {
    const message = 'เกณฑ์ระดับกลางต้องไม่สูงกว่าเกณฑ์ระดับมาก';
    throw badInput([{ field: 'mediumFrom', message }], message);
  }
  const repo = ctx.em.getRepository(LevelThreshold);
  const before = await repo.findOneBy({ fiscalYear, round: input.round });
  const after = await repo.save(repo.create({ fiscalYear, ...input }));
  await recordAudit(ctx, {
    action: 'setLevelThresholds',
    targetType: 'LevelThreshold',
    targetId: `${fiscalYear}:${input.round}`,
    before,
    after,
  });
  return levelThresholdsOf(ctx, fiscalYear);
}
