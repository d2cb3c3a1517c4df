import { computed, reactive, watch, type Ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { t } from '@/features/projects/i18n';
import { RequestProjectReductionDocument, type EditableProjectFragment, type PlanStatus } from '@/gql/graphql';
import { trimText } from '@rules';

const FIELDS = ['fiscalYear', 'note'] as const;
/** Standings from which an LAO may ask to drop a project from a year's plan. */
const REDUCIBLE: PlanStatus[] = ['COMPLIANT', 'REDUCE_REJECTED'];

/**
 * โครงการที่ขอปรับลดจากแผนฯ: ask NACC to drop the project from one fiscal year (this year or later,
 * while it stands สอดคล้อง or ไม่อนุมัติการขอลด); it waits as รอการอนุมัติลด.
 */
export function useProjectReduction(
  project: Ref<EditableProjectFragment | null>,
  currentYear: Ref<number | null>,
  preferredYear: Ref<number | null>,
) {
  const form = reactive({ fiscalYear: undefined as number | undefined, note: '' });
  const errors = useFormErrors(FIELDS);
  const { mutate, loading: submitting } = useMutation(RequestProjectReductionDocument, { refetchQueries: ['ProjectList'] });

  const years = computed(() => {
    const current = currentYear.value;
    if (!project.value || current === null) return [];
    return project.value.years
      .filter((y) => y.fiscalYear >= current && REDUCIBLE.includes(y.planStatus))
      .map((y) => y.fiscalYear)
      .sort((a, b) => a - b);
  });

  watch(
    years,
    (list) => {
      if (form.fiscalYear !== undefined && list.includes(form.fiscalYear)) return;
      const preferred = preferredYear.value;
      form.fiscalYear = preferred !== null && list.includes(preferred) ? preferred : list[0];
    },
    { immediate: true },
  );

  /** Sends the request; true when NACC now has it. */
  async function submit(): Promise<boolean> {
    errors.clear();
    if (!project.value) return false;
    if (form.fiscalYear === undefined) {
      errors.setField('fiscalYear', t.projects.reduction.chooseYear);
      return false;
    }
    try {
      await mutate({ projectId: project.value.id, fiscalYear: form.fiscalYear, note: trimText(form.note) || null });
      form.note = '';
      return true;
    } catch (error) {
      errors.apply(error);
      return false;
    }
  }

  return { form, errors, years, submitting, submit };
}
