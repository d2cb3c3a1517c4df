import { computed, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { ProjectFormDimensionsDocument } from '@/gql/graphql';
import { DIMENSIONS } from './projectFields';

/**
 * What the project form offers to choose: the fiscal years (with those the project already runs in,
 * past ones closed) and the four dimensions named as in the plan period of the project's first year
 * (the names changed between plans).
 */
export function useProjectChoices(
  currentYear: Ref<number | null>,
  planYears: Ref<number[]>,
  fiscalYears: () => number[],
  projectYears: () => number[],
) {
  // The years the server lets a project be planned in (last year, closed, to four ahead), and those it already runs in.
  const yearOptions = computed(() => {
    const current = currentYear.value;
    if (current === null) return [];
    const years = new Set<number>([...planYears.value, ...projectYears()]);
    return [...years].sort((a, b) => a - b).map((year) => ({ year, closed: year < current }));
  });

  const namesYear = computed(() => {
    const current = currentYear.value;
    const years = current === null ? fiscalYears() : [current, ...fiscalYears()];
    return years.length ? Math.min(...years) : null;
  });
  const { result } = useQuery(
    ProjectFormDimensionsDocument,
    () => ({ fiscalYear: namesYear.value ?? 0 }),
    () => ({ enabled: namesYear.value !== null, fetchPolicy: 'cache-first' }),
  );
  const dimensionOptions = computed(() =>
    DIMENSIONS.map((number) => ({
      number,
      name: result.value?.planDimensions.find((d) => d.number === number)?.name ?? '',
    })),
  );

  return { yearOptions, dimensionOptions };
}
