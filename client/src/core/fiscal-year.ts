import { computed, shallowRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { FiscalYearOptionsDocument, type FiscalYearOptionsQuery, type ReportRound } from '@/gql/graphql';
import { onForgetCache, takeYearsOfSession } from './auth';
import { sendOperation } from './graphql-request';
import { fmt, t } from './i18n';
import { parseYear, YEAR_QUERY } from './url-query';

export { parseYear, YEAR_QUERY };

/** The two reporting rounds of a fiscal year, in their order. */
export const ROUNDS: ReportRound[] = ['SIX_MONTHS', 'TWELVE_MONTHS'];

export const fiscalYearLabel = (year: number) => fmt(t.shell.fiscalYearOption, { year });

type FiscalYearOptions = FiscalYearOptionsQuery['fiscalYearOptions'];

/**
 * The fiscal years the server offers the signed-in user (the current one, those to choose from, those a
 * project may be planned in): answered with the session check, or else asked once, without the GraphQL
 * client (the shell shows them before that client has loaded); asked again after a failure, and for each
 * sign-in.
 */
const options = shallowRef<FiscalYearOptions | null>(null);
let asking: Promise<FiscalYearOptions | null> | null = null;
onForgetCache(() => {
  options.value = null;
  asking = null;
});

/** The fiscal years offered, once known (null when the server could not be asked: asked again next time). */
export function loadFiscalYearOptions(): Promise<FiscalYearOptions | null> {
  if (options.value) return Promise.resolve(options.value);
  const known = takeYearsOfSession();
  if (known) return Promise.resolve((options.value = known.fiscalYearOptions));
  if (!asking) {
    // An answer that comes after a sign-out (which forgets `asking`) is not kept for the next user.
    const request: Promise<FiscalYearOptions | null> = sendOperation(FiscalYearOptionsDocument)
      .then(
        (data) => (asking === request ? (options.value = data.fiscalYearOptions) : null),
        () => null,
      )
      .finally(() => {
        if (asking === request) asking = null;
      });
    asking = request;
  }
  return asking;
}

/**
 * The fiscal year (Buddhist Era) the user is looking at, shared by every page: kept in the URL
 * (`?year=2567`) so a link or a reload shows the same year; the current fiscal year when none is chosen.
 */
export function useFiscalYear() {
  const route = useRoute();
  const router = useRouter();
  if (!options.value) void loadFiscalYearOptions();

  const current = computed(() => options.value?.current ?? null);
  const years = computed(() => {
    const offered = options.value?.years ?? [];
    const chosen = parseYear(route.query[YEAR_QUERY]);
    return chosen && !offered.includes(chosen) ? [chosen, ...offered].sort((a, b) => b - a) : offered;
  });
  const year = computed(() => parseYear(route.query[YEAR_QUERY]) ?? current.value);
  /** The years a project may be planned in (the server's rule). */
  const planYears = computed(() => options.value?.planYears ?? []);

  function setYear(next: number): void {
    void router.replace({ query: { ...route.query, [YEAR_QUERY]: String(next) } });
  }

  return { year, years, current, planYears, loading: computed(() => options.value === null), setYear };
}
