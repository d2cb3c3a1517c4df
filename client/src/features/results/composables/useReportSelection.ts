import { computed, reactive, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useCurrentLao } from '@/core/current-lao';
import { ROUNDS, YEAR_QUERY, useFiscalYear } from '@/core/fiscal-year';
import type { ReportRound } from '@/gql/graphql';

/** The URL parameter that carries the round a report shows (`?round=SIX_MONTHS`). */
export const ROUND_QUERY = 'round';

export function parseRound(raw: unknown): ReportRound | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return ROUNDS.includes(value as ReportRound) ? (value as ReportRound) : null;
}

/** Which report to show: an LAO, a fiscal year and a round. */
export interface ReportKey {
  laoCode: string;
  fiscalYear: number;
  round: ReportRound;
}

/**
 * เลือกปีงบประมาณ และรอบการรายงาน แล้วกด “ดูรายงาน”: the choice is a draft until shown; the shown
 * report lives in the URL (`?year=2567&round=SIX_MONTHS`, and `?lao=` for reviewers), so a link or a
 * reload shows the same report, and the fiscal year is the one the whole shell shows.
 */
export function useReportSelection() {
  const route = useRoute();
  const router = useRouter();
  const { year, years } = useFiscalYear();
  const { laoCode, picksLao } = useCurrentLao();

  const shownRound = computed(() => parseRound(route.query[ROUND_QUERY]));
  const draft = reactive({ year: year.value, round: shownRound.value ?? ('SIX_MONTHS' as ReportRound) });
  watch(year, (value) => (draft.year = value));
  watch(shownRound, (value) => {
    if (value) draft.round = value;
  });

  function show(): void {
    if (!draft.year) return;
    void router.replace({ query: { ...route.query, [YEAR_QUERY]: String(draft.year), [ROUND_QUERY]: draft.round } });
  }

  const shown = computed<ReportKey | null>(() =>
    laoCode.value && year.value && shownRound.value ? { laoCode: laoCode.value, fiscalYear: year.value, round: shownRound.value } : null,
  );

  return { draft, years, show, shown, laoCode, picksLao };
}

/** `/export/overview.pdf?lao=6800707&year=2567&round=SIX_MONTHS`: a document of the shown report. */
export function exportHref(document: 'overview' | 'plan-results' | 'memo', type: 'pdf' | 'xlsx', key: ReportKey): string {
  const query = new URLSearchParams({ lao: key.laoCode, year: String(key.fiscalYear), round: key.round });
  return `/export/${document}.${type}?${query.toString()}`;
}
