import { computed, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { errorMessageOf } from '@/core/errors';
import { LaoOverviewReportDocument } from '@/gql/graphql';
import type { ReportKey } from './useReportSelection';

/** ภาพรวมของการดำเนินงานตามแผนราย อปท.: the tables of one LAO, year and round, once a report is asked for. */
export function useLaoOverview(shown: Ref<ReportKey | null>) {
  const { result, loading, error } = useQuery(
    LaoOverviewReportDocument,
    () => shown.value ?? { laoCode: '', fiscalYear: 0, round: 'SIX_MONTHS' as const },
    () => ({ enabled: shown.value !== null }),
  );
  const overview = computed(() => {
    const o = result.value?.laoOverview;
    const key = shown.value;
    return o && key && o.lao.code === key.laoCode && o.fiscalYear === key.fiscalYear && o.round === key.round ? o : null;
  });
  return {
    overview,
    loading: computed(() => shown.value !== null && loading.value && !overview.value),
    errorMessage: errorMessageOf(error),
  };
}
