import { computed, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { toApiError } from '@/core/errors';
import { SarScoresDocument, type SarScoresQuery } from '@/gql/graphql';

export type SarScoreRow = SarScoresQuery['sarScores'][number];
export const DIMENSIONS = [1, 2, 3, 4] as const;

/** คะแนน SAR of an LAO in a fiscal year, by dimension, with the names of that year's dimensions. */
export function useSarScores(laoCode: Ref<string | null>, fiscalYear: Ref<number | null>) {
  const { result, loading, error } = useQuery(
    SarScoresDocument,
    () => ({ laoCode: laoCode.value ?? '', fiscalYear: fiscalYear.value ?? 0 }),
    () => ({ enabled: laoCode.value !== null && fiscalYear.value !== null }),
  );
  /** The scores of the LAO and year asked for (never another's while the next one loads). */
  const scores = computed<SarScoreRow[] | null>(() => {
    const rows = result.value?.sarScores;
    if (!rows || !laoCode.value || fiscalYear.value === null) return null;
    return rows.every((r) => r.laoCode === laoCode.value && r.fiscalYear === fiscalYear.value) ? rows : null;
  });
  const dimensionName = (n: number) => result.value?.planDimensions.find((d) => d.number === n)?.name ?? '';
  return {
    scores,
    dimensionName,
    loading,
    errorMessage: computed(() => (error.value ? toApiError(error.value).message : '')),
  };
}
