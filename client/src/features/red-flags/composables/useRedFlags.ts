import { computed, ref, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { toApiError } from '@/core/errors';
import { RedFlagsDocument, type RedFlagFieldsFragment } from '@/gql/graphql';
import type { ScoreKey } from '@/features/province-scores/composables/useProvinceScoreSelection';

/** Which flags the list shows: those not closed yet (waiting or followed up), the dismissed ones, or all. */
export type RedFlagFilter = 'ACTIVE' | 'DISMISSED' | 'ALL';
export const RED_FLAG_FILTERS: RedFlagFilter[] = ['ACTIVE', 'DISMISSED', 'ALL'];

const shows = (filter: RedFlagFilter, flag: RedFlagFieldsFragment) =>
  filter === 'ALL' || (filter === 'DISMISSED') === (flag.status === 'DISMISSED');

/**
 * ควรตรวจสอบ of the shown province's round (optionally one district, chosen here from the flags' LAOs), with
 * how many each filter shows. Nothing is shown until a province is chosen (NACC central picks one).
 */
export function useRedFlags(shown: Ref<ScoreKey | null>) {
  const filter = ref<RedFlagFilter>('ACTIVE');
  const key = computed(() => (shown.value?.provinceCode ? (shown.value as ScoreKey & { provinceCode: string }) : null));
  const query = useQuery(
    RedFlagsDocument,
    () => ({
      provinceCode: key.value?.provinceCode ?? '',
      fiscalYear: key.value?.fiscalYear ?? 0,
      round: key.value?.round ?? 'SIX_MONTHS',
    }),
    () => ({ enabled: key.value !== null }),
  );
  /** The round's flags, once they are the shown round's (not the previous choice's while the new one loads). */
  const inRound = computed(() => {
    const list = query.result.value?.redFlags;
    const k = key.value;
    if (!list || !k) return null;
    const ours = list.every((f) => f.fiscalYear === k.fiscalYear && f.round === k.round && f.lao.district.code.startsWith(k.provinceCode));
    if (!ours) return null;
    return k.districtCode ? list.filter((f) => f.lao.district.code === k.districtCode) : list;
  });
  const counts = computed(
    () =>
      Object.fromEntries(RED_FLAG_FILTERS.map((f) => [f, (inRound.value ?? []).filter((flag) => shows(f, flag)).length])) as Record<
        RedFlagFilter,
        number
      >,
  );
  const flags = computed(() => (inRound.value ?? []).filter((flag) => shows(filter.value, flag)));
  return {
    filter,
    flags,
    counts,
    ready: computed(() => inRound.value !== null),
    loading: computed(() => key.value !== null && query.loading.value && inRound.value === null),
    errorMessage: computed(() => (key.value && query.error.value ? toApiError(query.error.value).message : '')),
  };
}
