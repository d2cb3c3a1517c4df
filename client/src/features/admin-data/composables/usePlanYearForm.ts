import { computed, reactive, watch, type Ref } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { toApiError, useFormErrors } from '@/core/errors';
import { t } from '@/core/i18n';
import { PlanYearCountsDocument, SetPlanYearDocument } from '@/gql/graphql';

const FIELDS = ['baselineCount', 'minimumCount', 'fiscalYear'] as const;

/**
 * โครงการตั้งต้นและขั้นต่ำ of an LAO's fiscal year: the values now in force and a form for new ones
 * (a blank field keeps its value, as the API does).
 */
export function usePlanYearForm(laoCode: Ref<string | null>, fiscalYear: Ref<number | null>) {
  const { result, loading, error } = useQuery(
    PlanYearCountsDocument,
    () => ({ laoCode: laoCode.value ?? '', fiscalYear: fiscalYear.value ?? 0 }),
    () => ({ enabled: laoCode.value !== null && fiscalYear.value !== null }),
  );
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
  const errors = useFormErrors(FIELDS);
  watch([laoCode, fiscalYear], () => {
    form.baselineCount = '';
    form.minimumCount = '';
    errors.clear();
  });
  const { mutate, loading: saving } = useMutation(SetPlanYearDocument, { refetchQueries: ['PlanYearCounts'], awaitRefetchQueries: true });

  /** Only what the API's Int can carry is sent; the server judges the numbers. */
  function count(field: 'baselineCount' | 'minimumCount'): number | null | undefined {
    const text = form[field].replace(/[,\s]/g, '');
    if (!text) return null;
    if (/^\d{1,9}$/.test(text)) return Number(text);
    errors.setField(field, t.oversight.planYears.notWholeNumber);
    return undefined;
  }

  async function save(): Promise<boolean> {
    errors.clear();
    if (!laoCode.value || fiscalYear.value === null) return false;
    const baselineCount = count('baselineCount');
    const minimumCount = count('minimumCount');
    if (baselineCount === undefined || minimumCount === undefined) return false;
    if (baselineCount === null && minimumCount === null) {
      errors.message = t.oversight.planYears.nothing;
      return false;
    }
    try {
      await mutate({ laoCode: laoCode.value, fiscalYear: fiscalYear.value, baselineCount, minimumCount });
      form.baselineCount = '';
      form.minimumCount = '';
      return true;
    } catch (err) {
      errors.apply(err);
      return false;
    }
  }

  return {
    current,
    loading,
    errorMessage: computed(() => (error.value ? toApiError(error.value).message : '')),
    form,
    errors,
    saving,
    save,
  };
}
