import { computed } from 'vue';
import { useCurrentLao } from '@/core/current-lao';
import { useFiscalYear } from '@/core/fiscal-year';
import { useLaoYearRequest } from '@/core/lao-year-request';
import { HomeDashboardDocument } from '@/gql/graphql';

/**
 * หน้าหลัก: the chosen fiscal year's figures of the LAO on screen (the officer's own, or the one a
 * reviewer picked): created, reported and waiting per round, the reporting rate, the score and level,
 * and whether each round is open for reporting. Asked without the GraphQL client: the home page shows before
 * that client's code has arrived (an officer's first page after sign-in, on a slow link).
 */
export function useLaoDashboard() {
  const { laoCode, picksLao } = useCurrentLao();
  const { year } = useFiscalYear();
  const { result, loading, errorMessage, enabled } = useLaoYearRequest(HomeDashboardDocument, laoCode, year);

  // While another LAO or year loads, the previous answer must not pass for it.
  const current = computed(() => {
    const data = result.value;
    if (!enabled.value || !data || data.lao?.code !== laoCode.value || data.laoDashboard.fiscalYear !== year.value) return null;
    return data;
  });

  return {
    laoCode,
    picksLao,
    year,
    lao: computed(() => current.value?.lao ?? null),
    dashboard: computed(() => current.value?.laoDashboard ?? null),
    loading: computed(() => enabled.value && loading.value && !current.value),
    errorMessage,
  };
}
