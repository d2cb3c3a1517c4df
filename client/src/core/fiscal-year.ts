import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useQuery } from '@vue/apollo-composable';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { FiscalYearOptionsDocument, type ReportRound } from '@/gql/graphql';
import { errorMessageOf } from './errors';
import { fmt, t } from './i18n';
import { parseYear, YEAR_QUERY } from './url-query';

export { parseYear, YEAR_QUERY };

/** The two reporting rounds of a fiscal year, in their order. */
export const ROUNDS: ReportRound[] = ['SIX_MONTHS', 'TWELVE_MONTHS'];

export const fiscalYearLabel = (year: number) => fmt(t.shell.fiscalYearOption, { year });

/**
 * The fiscal year (Buddhist Era) the user is looking at, shared by every page: kept in the URL
 * (`?year=2567`) so a link or a reload shows the same year; the current fiscal year when none is chosen.
 */
export function useFiscalYear() {
  const route = useRoute();
  const router = useRouter();
  const { result, loading } = useQuery(FiscalYearOptionsDocument, null, { fetchPolicy: 'cache-first' });

  const current = computed(() => result.value?.fiscalYearOptions.current ?? null);
  const years = computed(() => {
    const offered = result.value?.fiscalYearOptions.years ?? [];
    const chosen = parseYear(route.query[YEAR_QUERY]);
    return chosen && !offered.includes(chosen) ? [chosen, ...offered].sort((a, b) => b - a) : offered;
  });
  const year = computed(() => parseYear(route.query[YEAR_QUERY]) ?? current.value);
  /** The years a project may be planned in (the server's rule). */
  const planYears = computed(() => result.value?.fiscalYearOptions.planYears ?? []);

  function setYear(next: number): void {
    void router.replace({ query: { ...route.query, [YEAR_QUERY]: String(next) } });
  }

  return { year, years, current, planYears, loading, setYear };
}

/** A query about the chosen fiscal year (`$fiscalYear`), asked once the year is known, with what its error says. */
export function useFiscalYearQuery<R, V extends { fiscalYear: number }>(document: TypedDocumentNode<R, V>) {
  const { year } = useFiscalYear();
  const { result, loading, error } = useQuery(
    document,
    () => ({ fiscalYear: year.value ?? 0 }) as V,
    () => ({ enabled: year.value !== null }),
  );
  return { year, result, loading, errorMessage: errorMessageOf(error) };
}
