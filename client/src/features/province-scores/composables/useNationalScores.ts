import { computed, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { toApiError } from '@/core/errors';
import { NationalScoresDocument } from '@/gql/graphql';
import type { ScoreKey } from './useProvinceScoreSelection';

/** ADMIN's country view: every province with its LAOs counted by level, and the country's totals. */
export function useNationalScores(shown: Ref<ScoreKey | null>) {
  const key = computed(() => (shown.value && !shown.value.provinceCode ? shown.value : null));
  const { result, loading, error } = useQuery(
    NationalScoresDocument,
    () => ({ fiscalYear: key.value?.fiscalYear ?? 0, round: key.value?.round ?? 'SIX_MONTHS' }),
    () => ({ enabled: key.value !== null }),
  );
  const rows = computed(() => (key.value ? (result.value?.nationalScores ?? null) : null));
  const totals = computed(() =>
    (rows.value ?? []).reduce(
      (sum, r) => ({ laos: sum.laos + r.laos, high: sum.high + r.high, medium: sum.medium + r.medium, low: sum.low + r.low }),
      { laos: 0, high: 0, medium: 0, low: 0 },
    ),
  );
  return {
    rows,
    totals,
    loading: computed(() => key.value !== null && loading.value && !rows.value),
    errorMessage: computed(() => (key.value && error.value ? toApiError(error.value).message : '')),
  };
}
