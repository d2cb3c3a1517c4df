import { computed, watch, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useQuery } from '@vue/apollo-composable';
import { errorMessageOf } from '@/core/errors';
import { useFiscalYear, YEAR_QUERY } from '@/core/fiscal-year';
import { ProjectListDocument, type ProjectListQuery } from '@/gql/graphql';

/** `?years=all`: the list shows every fiscal year (ทุกปีงบประมาณ) instead of the chosen one. */
export const ALL_YEARS_QUERY = 'years';
export const ALL_YEARS = 'all';

export type ProjectRow = ProjectListQuery['projects'][number];

/**
 * แก้ไขโครงการ: the LAO's projects of the chosen fiscal year, or of all years, in their order (ลำดับ),
 * each with its years and their standing, in one query.
 */
export function useProjectList(laoCode: Ref<string | null>) {
  const route = useRoute();
  const router = useRouter();
  const { year, years, current } = useFiscalYear();
  const allYears = computed(() => route.query[ALL_YEARS_QUERY] === ALL_YEARS);
  const fiscalYear = computed(() => (allYears.value ? null : year.value));

  /** The year select: a fiscal year, or 'all'. */
  const selection = computed<number | typeof ALL_YEARS | null>({
    get: () => (allYears.value ? ALL_YEARS : year.value),
    set: (value) => {
      const query = { ...route.query };
      if (value === ALL_YEARS) query[ALL_YEARS_QUERY] = ALL_YEARS;
      else if (value !== null) {
        delete query[ALL_YEARS_QUERY];
        query[YEAR_QUERY] = String(value);
      }
      void router.replace({ query });
    },
  });
  // Choosing a year in the header leaves "all years".
  watch(year, () => {
    if (allYears.value) selection.value = year.value;
  });

  /** Years to choose from: those of the year selector and the plan's years ahead. */
  const yearChoices = computed(() => {
    const set = new Set(years.value);
    if (current.value !== null) for (let y = current.value; y <= current.value + 4; y++) set.add(y);
    return [...set].sort((a, b) => b - a);
  });

  const { result, loading, error } = useQuery(
    ProjectListDocument,
    () => ({ laoCode: laoCode.value ?? '', fiscalYear: fiscalYear.value }),
    () => ({ enabled: laoCode.value !== null && (allYears.value || fiscalYear.value !== null) }),
  );
  const projects = computed<ProjectRow[]>(() => (laoCode.value ? (result.value?.projects ?? []) : []));
  /** One column per fiscal year any listed project runs in. */
  const yearColumns = computed(() => [...new Set(projects.value.flatMap((p) => p.fiscalYears))].sort((a, b) => a - b));

  return {
    fiscalYear,
    allYears,
    selection,
    yearChoices,
    projects,
    yearColumns,
    loading,
    errorMessage: errorMessageOf(error),
  };
}
