import { computed, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { errorMessageOf } from '@/core/errors';
import { PlanResultsReportDocument } from '@/gql/graphql';
import type { ReportKey } from './useReportSelection';

/** ผลการดำเนินงานตามแผน: every counted project of the shown year and round, its note and summary. */
export function usePlanResults(shown: Ref<ReportKey | null>) {
  const { result, loading, error } = useQuery(
    PlanResultsReportDocument,
    () => shown.value ?? { laoCode: '', fiscalYear: 0, round: 'SIX_MONTHS' as const },
    () => ({ enabled: shown.value !== null }),
  );
  const results = computed(() => {
    const r = result.value?.planResults;
    const key = shown.value;
    return r && key && r.lao.code === key.laoCode && r.fiscalYear === key.fiscalYear && r.round === key.round ? r : null;
  });
  return {
    results,
    loading: computed(() => shown.value !== null && loading.value && !results.value),
    errorMessage: errorMessageOf(error),
  };
}
