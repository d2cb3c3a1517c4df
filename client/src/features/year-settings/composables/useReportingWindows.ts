import { reactive, ref, watch } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { ElMessage } from 'element-plus';
import { errorMessageOf, type FormErrors, useFormErrors } from '@/core/errors';
import { useFiscalYear } from '@/core/fiscal-year';
import { fmt, t } from '@/core/i18n';
import { ReportingWindowsDocument, SetReportingWindowDocument, type ReportRound } from '@/gql/graphql';

export const ROUNDS: ReportRound[] = ['SIX_MONTHS', 'TWELVE_MONTHS'];
const FIELDS = ['opensAt', 'closesAt'] as const;

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
  const { year } = useFiscalYear();
  const { result, loading, error } = useQuery(
    ReportingWindowsDocument,
    () => ({ fiscalYear: year.value ?? 0 }),
    () => ({ enabled: year.value !== null }),
  );
  const blank = (): WindowForm => ({ opensAt: null, closesAt: null });
  const forms = reactive<Record<ReportRound, WindowForm>>({ SIX_MONTHS: blank(), TWELVE_MONTHS: blank() });
  const saved = ref<Record<ReportRound, WindowForm>>({ SIX_MONTHS: blank(), TWELVE_MONTHS: blank() });
  const errors = { SIX_MONTHS: useFormErrors(FIELDS), TWELVE_MONTHS: useFormErrors(FIELDS) } as Record<
    ReportRound,
    FormErrors<(typeof FIELDS)[number]>
  >;
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
  const saving = ref<ReportRound | null>(null);

  async function save(round: ReportRound): Promise<void> {
    if (!year.value) return;
    const fiscalYear = year.value;
    errors[round].clear();
    saving.value = round;
    try {
      await mutate({ fiscalYear, round, opensAt: forms[round].opensAt, closesAt: forms[round].closesAt });
      saved.value = { ...saved.value, [round]: { ...forms[round] } };
      ElMessage.success(fmt(t.reporting.yearSettings.windowSaved, { round: t.reporting.rounds[round], year: fiscalYear }));
    } catch (err) {
      errors[round].apply(err);
    } finally {
      saving.value = null;
    }
  }

  return {
    year,
    forms,
    errors,
    saving,
    isDirty,
    save,
    loading,
    errorMessage: errorMessageOf(error),
  };
}
