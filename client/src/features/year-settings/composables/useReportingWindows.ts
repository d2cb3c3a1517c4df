import { ref, watch } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ROUNDS } from '@/core/fiscal-year';
import { useFiscalYearQuery } from '@/core/fiscal-year-query';
import { fmt } from '@/core/i18n';
import { t } from '@/features/year-settings/i18n';
import { ReportingWindowsDocument, SetReportingWindowDocument, type ReportRound } from '@/gql/graphql';
import { useRoundForms } from './useRoundForms';

interface WindowForm {
  opensAt: string | null;
  closesAt: string | null;
}

/**
 * ช่วงเวลารายงานผล of the chosen fiscal year: when each round opens and closes for every LAO (empty =
 * no limit). Each round is saved on its own; a round the user is editing keeps its edits while the
 * other one is saved and the list reloads.
 */
export function useReportingWindows() {
  const { year, result, loading, errorMessage } = useFiscalYearQuery(ReportingWindowsDocument);
  const blank = (): WindowForm => ({ opensAt: null, closesAt: null });
  const { forms, errors, saving, saveRound } = useRoundForms(['opensAt', 'closesAt'] as const, blank);
  const saved = ref<Record<ReportRound, WindowForm>>({ SIX_MONTHS: blank(), TWELVE_MONTHS: blank() });
  const same = (a: WindowForm, b: WindowForm) => a.opensAt === b.opensAt && a.closesAt === b.closesAt;
  const isDirty = (round: ReportRound) => !same(forms[round], saved.value[round]);

  let shownYear: number | null = null;
  watch(
    () => result.value?.reportingWindows,
    (list) => {
      if (!list || list.some((w) => w.fiscalYear !== year.value)) return;
      const yearChanged = shownYear !== year.value;
      shownYear = year.value;
      const next = { SIX_MONTHS: blank(), TWELVE_MONTHS: blank() };
      for (const w of list) next[w.round] = { opensAt: w.opensAt, closesAt: w.closesAt };
      for (const round of ROUNDS) {
        if (yearChanged || !isDirty(round)) {
          Object.assign(forms[round], next[round]);
          errors[round].clear();
        }
      }
      saved.value = next;
    },
    { immediate: true },
  );

  const { mutate } = useMutation(SetReportingWindowDocument, { refetchQueries: ['ReportingWindows'], awaitRefetchQueries: true });

  async function save(round: ReportRound): Promise<void> {
    if (!year.value) return;
    const fiscalYear = year.value;
    errors[round].clear();
    const { opensAt, closesAt } = forms[round];
    const done = fmt(t.reporting.yearSettings.windowSaved, { round: t.reporting.rounds[round], year: fiscalYear });
    if (await saveRound(round, () => mutate({ fiscalYear, round, opensAt, closesAt }), done)) {
      saved.value = { ...saved.value, [round]: { opensAt, closesAt } };
    }
  }

  return { year, forms, errors, saving, isDirty, save, loading, errorMessage };
}
