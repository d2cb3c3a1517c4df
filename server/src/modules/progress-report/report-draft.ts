import { Field, ObjectType } from 'type-graphql';
import { MoneyScalar, type Satang } from '../../core/money';
import { CannotDoReason, ReportRound, WorkStatus } from '../plan/report.enums';
import type { ProgressReport } from './progress-report.entity';

/** What a round's report form starts from: the saved report, or what the LAO has not yet answered. */
@ObjectType({ description: "The values a round's report form starts from (the saved report, or a new one's starting values)" })
export class ReportDraft {
  @Field(() => ReportRound)
  round: ReportRound;

  @Field(() => Boolean, { nullable: true, description: 'null = not yet answered' })
  inOrdinance: boolean | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'null = not yet given, or a project with no budget' })
  ordinanceBudget: Satang | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'null = not yet given, or a project with no budget' })
  disbursed: Satang | null;

  @Field(() => WorkStatus, { nullable: true, description: 'null = not yet chosen' })
  status: WorkStatus | null;

  @Field(() => CannotDoReason, { nullable: true })
  cannotDoReason: CannotDoReason | null;

  @Field(() => String, { nullable: true })
  cannotDoText: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field({ description: 'A twelve-month report not yet written, started from the six-month report’s ordinance figures' })
  prefilledFromSixMonths: boolean;
}

/**
 * The starting values of a project's report for a round, from the year's saved reports: the round's
 * own report when there is one; else, for the twelve months, the six-month report's ordinance figures
 * (the year's ordinance is the same in both rounds, PRODUCT.md §3.4); else nothing. A project with no
 * budget has no amounts.
 */
export function reportDraft(reports: readonly ProgressReport[], round: ReportRound, budgeted: boolean): ReportDraft {
  const saved = reports.find((r) => r.round === round);
  const six = !saved && round === ReportRound.TWELVE_MONTHS ? reports.find((r) => r.round === ReportRound.SIX_MONTHS) : undefined;
  const amount = (value: Satang | null | undefined): Satang | null => (budgeted ? (value ?? null) : null);
  return {
    round,
    inOrdinance: saved?.inOrdinance ?? six?.inOrdinance ?? null,
    ordinanceBudget: amount(saved?.ordinanceBudget ?? six?.ordinanceBudget),
    disbursed: amount(saved?.disbursed),
    status: saved?.status ?? null,
    cannotDoReason: saved?.cannotDoReason ?? null,
    cannotDoText: saved?.cannotDoText ?? null,
    note: saved?.note ?? null,
    prefilledFromSixMonths: six !== undefined,
  };
}
