import { computed } from 'vue';
import { useCurrentLao } from '@/core/current-lao';
import { useFiscalYear } from '@/core/fiscal-year';
import { useLaoYearQuery } from '@/core/lao-year-query';
import {
  ReportProjectsDocument,
  type PlanStatus,
  type ProgressReportFieldsFragment,
  type ReportProjectsQuery,
  type ReportRound,
} from '@/gql/graphql';

export type ProgressReportFields = ProgressReportFieldsFragment;
export type RoundState = Pick<ReportProjectsQuery['laoDashboard']['rounds'][number], 'round' | 'open' | 'closesAt' | 'reopenedUntil'>;

/** One line of บันทึกรายงานผลโครงการ: a project in the chosen fiscal year with its reports of both rounds. */
export interface ReportRow {
  id: string;
  seq: number;
  name: string;
  dimension: number;
  /** แผนป้องกันฯ: the project's planned budget; null = no budget. */
  budget: string | null;
  planStatus: PlanStatus;
  /** Whether its standing lets it be reported on. */
  counted: boolean;
  reports: Record<ReportRound, ProgressReportFields | null>;
  /** The newest round's report, whose figures and status the list shows. */
  latest: ProgressReportFields | null;
}

/**
 * บันทึกรายงานผลโครงการ: the projects of the LAO in the chosen fiscal year, each with its standing and
 * its six- and twelve-month reports, and whether each round is open for reporting — one query.
 */
export function useReportProjects() {
  const { laoCode, picksLao } = useCurrentLao();
  const { year } = useFiscalYear();
  const { result, loading, errorMessage, enabled } = useLaoYearQuery(ReportProjectsDocument, laoCode, year);

  const current = computed(() => {
    const data = result.value;
    if (!enabled.value || !data || data.lao?.code !== laoCode.value || data.laoDashboard.fiscalYear !== year.value) return null;
    return data;
  });

  const rows = computed<ReportRow[]>(() =>
    (current.value?.projects ?? []).flatMap((p) => {
      const y = p.years.find((item) => item.fiscalYear === year.value);
      if (!y) return [];
      return [
        {
          id: p.id,
          seq: p.seq,
          name: p.name,
          dimension: p.dimension,
          budget: p.budget,
          planStatus: y.planStatus,
          // Whether it counts in the year's plan, and so is reported on: the server's rule (PRODUCT.md §5).
          counted: y.counted,
          reports: { SIX_MONTHS: y.sixMonths, TWELVE_MONTHS: y.twelveMonths },
          latest: y.twelveMonths ?? y.sixMonths,
        },
      ];
    }),
  );

  const rounds = computed(() => {
    const list = current.value?.laoDashboard.rounds ?? [];
    return Object.fromEntries(list.map((r) => [r.round, r])) as Partial<Record<ReportRound, RoundState>>;
  });

  return {
    laoCode,
    picksLao,
    year,
    rows,
    rounds,
    canEdit: computed(() => current.value?.lao?.canEdit ?? false),
    loaded: computed(() => current.value !== null),
    loading: computed(() => enabled.value && loading.value && !current.value),
    errorMessage,
  };
}
