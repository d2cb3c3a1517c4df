import { computed } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { useCurrentLao } from '@/core/current-lao';
import { toApiError } from '@/core/errors';
import { useFiscalYear } from '@/core/fiscal-year';
import { HomeDashboardDocument } from '@/gql/graphql';

/**
 * หน้าหลัก: the chosen fiscal year's figures of the LAO on screen (the officer's own, or the one a
 * reviewer picked): created, reported and waiting per round, the reporting rate, the score and level,
 * and whether each round is open for reporting.
 */
export function useLaoDashboard() {
  const { laoCode, picksLao } = useCurrentLao();
  const { year } = useFiscalYear();
  const enabled = computed(() => laoCode.value !== null && year.value !== null);
  const { result, loading, error } = useQuery(
    HomeDashboardDocument,
    () => ({ laoCode: laoCode.value ?? '', fiscalYear: year.value ?? 0 }),
    () => ({ enabled: enabled.value }),
  );

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
    errorMessage: computed(() => (error.value ? toApiError(error.value).message : '')),
  };
}
