import { computed, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { toApiError } from '@/core/errors';
import { ProvinceScoresDocument } from '@/gql/graphql';
import type { ScoreKey } from './useProvinceScoreSelection';

/** ผลการนำแผนฯ ไปปฏิบัติระดับจังหวัด of the shown province, year, round (and district). */
export function useProvinceScores(shown: Ref<ScoreKey | null>) {
  const key = computed(() => (shown.value?.provinceCode ? shown.value : null));
  const { result, loading, error } = useQuery(
    ProvinceScoresDocument,
    () => ({
      provinceCode: key.value?.provinceCode ?? '',
      fiscalYear: key.value?.fiscalYear ?? 0,
      round: key.value?.round ?? 'SIX_MONTHS',
      districtCode: key.value?.districtCode ?? null,
    }),
    () => ({ enabled: key.value !== null }),
  );
  const report = computed(() => {
    const r = result.value?.provinceScores;
    const k = key.value;
    return r && k && r.province.code === k.provinceCode && r.fiscalYear === k.fiscalYear && r.round === k.round ? r : null;
  });
  return {
    report,
    loading: computed(() => key.value !== null && loading.value && !report.value),
    errorMessage: computed(() => (key.value && error.value ? toApiError(error.value).message : '')),
  };
}
