import { computed, type Ref } from 'vue';
import { SarScoresDocument, type SarScoresQuery } from '@/gql/graphql';
import { useLaoYearQuery } from '@/core/lao-year-query';

export type SarScoreRow = SarScoresQuery['sarScores'][number];
export const DIMENSIONS = [1, 2, 3, 4] as const;

/** คะแนน SAR of an LAO in a fiscal year, by dimension, with the names of that year's dimensions. */
export function useSarScores(laoCode: Ref<string | null>, fiscalYear: Ref<number | null>) {
  const { result, loading, errorMessage } = useLaoYearQuery(SarScoresDocument, laoCode, fiscalYear);
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
    errorMessage,
  };
}
