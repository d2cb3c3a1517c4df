import { computed, ref, watch } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ROUNDS } from '@/core/fiscal-year';
import { useFiscalYearQuery } from '@/core/fiscal-year-query';
import { fmt } from '@/core/i18n';
import { t } from '@/features/year-settings/i18n';
import { LevelThresholdsDocument, SetLevelThresholdsDocument, type ReportRound } from '@/gql/graphql';
import { useRoundForms } from './useRoundForms';

interface ThresholdForm {
  /** Percent as typed, two decimals ("50.00"). */
  highFrom: string;
  highInclusive: boolean;
  mediumFrom: string;
  mediumInclusive: boolean;
}

/** 5000 hundredths of a percent → "50.00". */
export const percentText = (hundredths: number): string => `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;

/** "50", "50.5", "50.00" → 5000; null when it is not a percentage 0–100 with at most two decimals. */
export function parsePercent(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const value = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return value <= 10000 ? value : null;
}

/**
 * เกณฑ์ระดับการนำแผนไปปฏิบัติ of the chosen fiscal year: per round, from which score the level is มาก
 * and กลาง (at least, or more than); below กลาง is น้อย. The API counts in hundredths of a percent;
 * the form shows and takes percent with two decimals.
 */
export function useLevelThresholds() {
  const { year, result, loading, errorMessage } = useFiscalYearQuery(LevelThresholdsDocument);
  const { forms, errors, saving, saveRound } = useRoundForms(['highFrom', 'mediumFrom'] as const, (): ThresholdForm => ({
    highFrom: '',
    highInclusive: true,
    mediumFrom: '',
    mediumInclusive: true,
  }));
  const loadedFor = ref<number | null>(null);

  watch(
    () => result.value?.levelThresholds,
    (list) => {
      if (!list) return;
      for (const th of list) {
        Object.assign(forms[th.round], {
          highFrom: percentText(th.highFrom),
          highInclusive: th.highInclusive,
          mediumFrom: percentText(th.mediumFrom),
          mediumInclusive: th.mediumInclusive,
        });
        errors[th.round].clear();
      }
      loadedFor.value = year.value;
    },
    { immediate: true },
  );

  const { mutate } = useMutation(SetLevelThresholdsDocument, { refetchQueries: ['LevelThresholds'], awaitRefetchQueries: true });

  async function save(round: ReportRound): Promise<void> {
    if (!year.value) return;
    const fiscalYear = year.value;
    const form = forms[round];
    const e = errors[round];
    e.clear();
    const highFrom = parsePercent(form.highFrom);
    const mediumFrom = parsePercent(form.mediumFrom);
    if (highFrom === null) e.setField('highFrom', t.reporting.yearSettings.percentInvalid);
    if (mediumFrom === null) e.setField('mediumFrom', t.reporting.yearSettings.percentInvalid);
    if (highFrom === null || mediumFrom === null) return;
    await saveRound(
      round,
      () =>
        mutate({
          fiscalYear,
          input: { round, highFrom, highInclusive: form.highInclusive, mediumFrom, mediumInclusive: form.mediumInclusive },
        }),
      fmt(t.reporting.yearSettings.thresholdsSaved, { round: t.reporting.rounds[round], year: fiscalYear }),
    );
  }

  return {
    year,
    rounds: ROUNDS,
    forms,
    errors,
    saving,
    save,
    loading: computed(() => loading.value && loadedFor.value !== year.value),
    errorMessage,
  };
}
