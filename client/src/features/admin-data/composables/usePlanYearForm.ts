import { computed, reactive, watch, type Ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { t } from '@/features/admin-data/i18n';
import { useLaoYearQuery } from '@/core/lao-year-query';
import { PlanYearCountsDocument, SetPlanYearDocument } from '@/gql/graphql';

const FIELDS = ['baselineCount', 'minimumCount', 'fiscalYear'] as const;

/**
 * โครงการตั้งต้นและขั้นต่ำ of an LAO's fiscal year: the values now in force and a form prefilled with
 * them. Saving sends only the counts the user changed (a baseline still counted from the planned
 * projects must not become a fixed number by being shown and sent back); a field emptied clears its
 * count (null): no minimum means the score counts from the baseline again.
 */
export function usePlanYearForm(laoCode: Ref<string | null>, fiscalYear: Ref<number | null>) {
  const { result, loading, errorMessage } = useLaoYearQuery(PlanYearCountsDocument, laoCode, fiscalYear);
  const current = computed(() => {
    const data = result.value;
    const year = fiscalYear.value;
    if (!data || !laoCode.value || year === null || data.lao?.code !== laoCode.value || data.laoDashboard.fiscalYear !== year) return null;
    const baselineYear = data.baselineYears.find((y) => y.fiscalYear === year);
    return {
      laoName: data.lao.name,
      baselineCount: baselineYear?.baselineCount ?? data.laoDashboard.baselineCount,
      createdCount: baselineYear?.createdCount ?? data.laoDashboard.created,
      minimumCount: data.laoDashboard.minimumCount,
      pendingRequest: baselineYear?.standing === 'PENDING' ? baselineYear.latestRequest : null,
    };
  });

  const form = reactive({ baselineCount: '', minimumCount: '' });
  /** What the form was filled with, to send only what changed. */
  const filled = { baselineCount: '', minimumCount: '' };
  const errors = useFormErrors(FIELDS);
  /** The form shows the counts in force: for each LAO and year, and again once they change (a save). */
  function fill(): void {
    const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
    form.baselineCount = filled.baselineCount = text(current.value?.baselineCount);
    form.minimumCount = filled.minimumCount = text(current.value?.minimumCount);
  }
  watch(
    [laoCode, fiscalYear, () => current.value?.baselineCount, () => current.value?.minimumCount],
    () => {
      fill();
      errors.clear();
    },
    { immediate: true },
  );
  const { mutate, loading: saving } = useMutation(SetPlanYearDocument, { refetchQueries: ['PlanYearCounts'], awaitRefetchQueries: true });

  /**
   * The count to send: left out ('unchanged') when the user did not change it; null (clear it) for an
   * emptied field; only what the API's Int can carry (the server judges the numbers).
   */
  function count(field: 'baselineCount' | 'minimumCount'): number | null | 'unchanged' | 'invalid' {
    if (form[field] === filled[field]) return 'unchanged';
    const text = form[field].replace(/[,\s]/g, '');
    if (!text) return null;
    if (/^\d{1,9}$/.test(text)) return Number(text);
    errors.setField(field, t.oversight.planYears.notWholeNumber);
    return 'invalid';
  }

  async function save(): Promise<boolean> {
    errors.clear();
    if (!laoCode.value || fiscalYear.value === null) return false;
    const baselineCount = count('baselineCount');
    const minimumCount = count('minimumCount');
    if (baselineCount === 'invalid' || minimumCount === 'invalid') return false;
    try {
      await mutate({
        laoCode: laoCode.value,
        fiscalYear: fiscalYear.value,
        // A variable left undefined is left out of the request: the server keeps that count.
        baselineCount: baselineCount === 'unchanged' ? undefined : baselineCount,
        minimumCount: minimumCount === 'unchanged' ? undefined : minimumCount,
      });
      fill();
      return true;
    } catch (err) {
      errors.apply(err);
      return false;
    }
  }

  return {
    current,
    loading,
    errorMessage,
    form,
    errors,
    saving,
    save,
  };
}
