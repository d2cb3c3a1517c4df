import { computed, reactive, watch } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';
import { useAuth } from '@/core/auth';
import { YEAR_QUERY, useFiscalYear } from '@/core/fiscal-year';
import { parseRound, ROUND_QUERY } from '@/features/results/composables/useReportSelection';
import type { Permission, ReportRound } from '@/gql/graphql';

/** URL parameters of the shown table: `?province=81&district=8103` (with `year` and `round`). */
export const PROVINCE_QUERY = 'province';
export const DISTRICT_QUERY = 'district';

/** Which table to show: a province (optionally one district), or the whole country (provinceCode null, ADMIN). */
export interface ScoreKey {
  fiscalYear: number;
  round: ReportRound;
  provinceCode: string | null;
  districtCode: string | null;
}

/**
 * เลือกปีงบประมาณ รอบ (และอำเภอ) แล้วกด “รายงาน”: the choice is a draft until shown; the shown table lives
 * in the URL, so a link or a reload shows the same table. A province or LAO officer's province is its own;
 * an admin chooses one, or none for the whole country. `permission` is what the page reads with (its reach
 * says whose province is shown): the score tables by default, ติดตามการรายงานผล with READ_REVIEWS.
 */
export function useProvinceScoreSelection(permission: Permission = 'READ_PROVINCE_SCORES') {
  const route = useRoute();
  const router = useRouter();
  const { user, reachOf } = useAuth();
  const { year, years } = useFiscalYear();

  const isAdmin = computed(() => reachOf(permission) === 'NATION');
  // A province office's province, or that of an LAO officer's LAO.
  const ownProvince = computed(() => (reachOf(permission) === 'OWN_PROVINCE' ? (user.value?.provinceCode ?? '') : ''));
  const param = (key: string, pattern: RegExp): string => {
    const raw = route.query[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    return typeof value === 'string' && pattern.test(value) ? value : '';
  };
  const shownProvince = computed(() => ownProvince.value || (isAdmin.value ? param(PROVINCE_QUERY, /^\d{2}$/) : ''));
  const shownDistrict = computed(() => {
    const district = param(DISTRICT_QUERY, /^\d{4}$/);
    return shownProvince.value && district.startsWith(shownProvince.value) ? district : '';
  });
  const shownRound = computed(() => parseRound(route.query[ROUND_QUERY]));

  const draft = reactive({
    year: year.value,
    round: shownRound.value ?? ('SIX_MONTHS' as ReportRound),
    provinceCode: shownProvince.value,
    districtCode: shownDistrict.value,
  });
  watch(year, (value) => (draft.year = value));
  watch(shownRound, (value) => {
    if (value) draft.round = value;
  });
  watch(shownProvince, (value) => (draft.provinceCode = value));
  watch(shownDistrict, (value) => (draft.districtCode = value));
  // A district belongs to one province (its code starts with the province's).
  watch(
    () => draft.provinceCode,
    (province) => {
      if (draft.districtCode && !draft.districtCode.startsWith(province)) draft.districtCode = '';
    },
  );

  function showWith(provinceCode: string, districtCode: string): void {
    if (!draft.year) return;
    const query: LocationQueryRaw = { ...route.query, [YEAR_QUERY]: String(draft.year), [ROUND_QUERY]: draft.round };
    if (isAdmin.value && provinceCode) query[PROVINCE_QUERY] = provinceCode;
    else delete query[PROVINCE_QUERY];
    if (provinceCode && districtCode) query[DISTRICT_QUERY] = districtCode;
    else delete query[DISTRICT_QUERY];
    void router.replace({ query });
  }

  /** รายงาน: shows what the draft says. */
  const show = () => showWith(draft.provinceCode, draft.districtCode);
  /** From the country view: one province's table, same year and round. */
  const openProvince = (code: string) => showWith(code, '');
  const showCountry = () => showWith('', '');

  const shown = computed<ScoreKey | null>(() => {
    if (!year.value || !shownRound.value) return null;
    if (!shownProvince.value && !isAdmin.value) return null;
    return {
      fiscalYear: year.value,
      round: shownRound.value,
      provinceCode: shownProvince.value || null,
      districtCode: shownDistrict.value || null,
    };
  });

  return { draft, years, isAdmin, ownProvince, show, openProvince, showCountry, shown };
}

/** The shown table as a document: `/export/province.pdf?province=81&year=2563&round=SIX_MONTHS[&district=8103]`, or the country's `/export/national-scores.pdf?year=2563&round=SIX_MONTHS`. */
export function scoreExportHref(type: 'pdf' | 'xlsx', key: ScoreKey): string {
  if (!key.provinceCode)
    return `/export/national-scores.${type}?${new URLSearchParams({ year: String(key.fiscalYear), round: key.round })}`;
  const query = new URLSearchParams({ province: key.provinceCode, year: String(key.fiscalYear), round: key.round });
  if (key.districtCode) query.set('district', key.districtCode);
  return `/export/province.${type}?${query.toString()}`;
}
