import { computed, reactive, ref, watch, type Ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ElMessage } from 'element-plus';
import { useFormErrors } from '@/core/errors';
import { t } from '@/features/results/i18n';
import { SavePlanResultNoteDocument, type PlanResultNoteFieldsFragment } from '@/gql/graphql';
import type { ReportKey } from './useReportSelection';
import { trimText } from '@rules';

const FIELDS = ['problems', 'suggestions', 'reporterName', 'reporterPosition'] as const;
type NoteForm = Record<(typeof FIELDS)[number], string>;

const fromNote = (note: PlanResultNoteFieldsFragment | null | undefined): NoteForm => ({
  problems: note?.problems ?? '',
  suggestions: note?.suggestions ?? '',
  reporterName: note?.reporterName ?? '',
  reporterPosition: note?.reporterPosition ?? '',
});

/**
 * ปัญหา อุปสรรค ข้อเสนอแนะ ชื่อ-สกุล ผู้รายงาน และตำแหน่ง of a round, kept for the plan-results PDF.
 * The form takes the saved note whenever another report is shown, and keeps what the user typed
 * while the same report refreshes.
 */
export function usePlanResultNoteForm(shown: Ref<ReportKey | null>, saved: Ref<PlanResultNoteFieldsFragment | null | undefined>) {
  const form = reactive<NoteForm>(fromNote(null));
  const errors = useFormErrors(FIELDS);
  const loadedFor = ref('');
  const keyOf = (k: ReportKey | null) => (k ? `${k.laoCode}:${k.fiscalYear}:${k.round}` : '');
  const baseline = ref<NoteForm>(fromNote(null));

  watch(
    [() => keyOf(shown.value), saved],
    ([key, note]) => {
      if (!key || note === undefined) return;
      if (key !== loadedFor.value) {
        loadedFor.value = key;
        Object.assign(form, fromNote(note));
        baseline.value = fromNote(note);
        errors.clear();
      }
    },
    { immediate: true },
  );

  const dirty = computed(() => FIELDS.some((f) => form[f] !== baseline.value[f]));
  const { mutate, loading: submitting } = useMutation(SavePlanResultNoteDocument, { refetchQueries: ['PlanResultsReport'] });

  async function submit(): Promise<void> {
    const key = shown.value;
    if (!key) return;
    errors.clear();
    try {
      const res = await mutate({
        ...key,
        input: {
          problems: trimText(form.problems) || null,
          suggestions: trimText(form.suggestions) || null,
          reporterName: trimText(form.reporterName) || null,
          reporterPosition: trimText(form.reporterPosition) || null,
        },
      });
      const note = res?.data?.savePlanResultNote;
      if (note) {
        Object.assign(form, fromNote(note));
        baseline.value = fromNote(note);
      }
      ElMessage.success(t.reporting.planResults.noteSaved);
    } catch (error) {
      errors.apply(error);
    }
  }

  return { form, errors, dirty, submitting, submit };
}
