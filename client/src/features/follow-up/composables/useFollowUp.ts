import { computed, ref, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { toApiError } from '@/core/errors';
import { NationalFollowUpDocument, ProvinceFollowUpDocument } from '@/gql/graphql';
import type { ScoreKey } from '@/features/province-scores/composables/useProvinceScoreSelection';

/**
 * ติดตามการรายงานผล of the shown province (optionally one district, or only the LAOs not finished), or —
 * NACC central with no province chosen — the country by province with its national totals.
 */
export function useFollowUp(shown: Ref<ScoreKey | null>) {
  const unfinishedOnly = ref(false);
  const provinceKey = computed(() => (shown.value?.provinceCode ? shown.value : null));
  const countryKey = computed(() => (shown.value && !shown.value.provinceCode ? shown.value : null));

  const province = useQuery(
    ProvinceFollowUpDocument,
    () => ({
      provinceCode: provinceKey.value?.provinceCode ?? '',
      fiscalYear: provinceKey.value?.fiscalYear ?? 0,
      round: provinceKey.value?.round ?? 'SIX_MONTHS',
      districtCode: provinceKey.value?.districtCode ?? null,
      unfinishedOnly: unfinishedOnly.value,
    }),
    () => ({ enabled: provinceKey.value !== null }),
  );
  const country = useQuery(
    NationalFollowUpDocument,
    () => ({ fiscalYear: countryKey.value?.fiscalYear ?? 0, round: countryKey.value?.round ?? 'SIX_MONTHS' }),
    () => ({ enabled: countryKey.value !== null }),
  );

  const table = computed(() => {
    const r = province.result.value?.provinceFollowUp;
    const k = provinceKey.value;
    return r && k && r.province.code === k.provinceCode && r.fiscalYear === k.fiscalYear && r.round === k.round ? r : null;
  });
  const provinces = computed(() => (countryKey.value ? (country.result.value?.nationalFollowUp ?? null) : null));
  const totals = computed(() =>
    (provinces.value ?? []).reduce((sum, r) => ({ laos: sum.laos + r.laos, finished: sum.finished + r.finished }), {
      laos: 0,
      finished: 0,
    }),
  );
  const failed = computed(() => (provinceKey.value ? province.error.value : countryKey.value ? country.error.value : null));
  return {
    unfinishedOnly,
    table,
    provinces,
    totals,
    loading: computed(() =>
      provinceKey.value ? province.loading.value && !table.value : countryKey.value ? country.loading.value && !provinces.value : false,
    ),
    errorMessage: computed(() => (failed.value ? toApiError(failed.value).message : '')),
  };
}

/** The shown table as a workbook: `/export/follow-up.xlsx?province=81&year=2567&round=SIX_MONTHS[&district=…][&unfinished=1]`. */
export function followUpXlsxHref(key: ScoreKey & { provinceCode: string }, unfinishedOnly: boolean): string {
  const query = new URLSearchParams({ province: key.provinceCode, year: String(key.fiscalYear), round: key.round });
  if (key.districtCode) query.set('district', key.districtCode);
  if (unfinishedOnly) query.set('unfinished', '1');
  return `/export/follow-up.xlsx?${query.toString()}`;
}
