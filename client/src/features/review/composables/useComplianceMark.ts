import { reactive, ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ElMessage, ElMessageBox } from 'element-plus';
import { toApiError, useFormErrors } from '@/core/errors';
import { fmt } from '@/core/i18n';
import { t } from '@/features/review/i18n';
import { SetProjectComplianceDocument } from '@/gql/graphql';
import type { ComplianceRow } from './useComplianceProjects';
import { trimText } from '@rules';

const FIELDS = ['reason'] as const;

/**
 * Marks a project of a year ไม่สอดคล้อง (with the reason the LAO will read; the server requires it)
 * or สอดคล้อง again (after a confirmation).
 */
export function useComplianceMark() {
  const words = t.oversight.compliance;
  /** The project shown in the dialog; it stays while the dialog closes. */
  const target = ref<ComplianceRow | null>(null);
  const visible = ref(false);
  const form = reactive({ reason: '' });
  const errors = useFormErrors(FIELDS);
  const busy = ref<string | null>(null);
  const { mutate, loading: submitting } = useMutation(SetProjectComplianceDocument, {
    refetchQueries: ['ComplianceProjects'],
    awaitRefetchQueries: true,
  });

  function openNonCompliant(row: ComplianceRow): void {
    target.value = row;
    visible.value = true;
    form.reason = '';
    errors.clear();
  }

  function close(): void {
    visible.value = false;
  }

  async function submitNonCompliant(): Promise<boolean> {
    const row = target.value;
    if (!row) return false;
    errors.clear();
    try {
      await mutate({ projectId: row.id, fiscalYear: row.fiscalYear, compliant: false, reason: trimText(form.reason) || null });
      ElMessage.success(fmt(words.markedNonCompliant, { name: row.name }));
      visible.value = false;
      return true;
    } catch (error) {
      errors.apply(error);
      return false;
    }
  }

  async function markCompliant(row: ComplianceRow): Promise<void> {
    try {
      await ElMessageBox.confirm(fmt(words.confirmCompliant, { name: row.name }), t.common.confirm, {
        confirmButtonText: words.markCompliant,
        cancelButtonText: t.common.cancel,
        type: 'info',
      });
    } catch {
      return;
    }
    busy.value = row.id;
    try {
      await mutate({ projectId: row.id, fiscalYear: row.fiscalYear, compliant: true, reason: null });
      ElMessage.success(fmt(words.markedCompliant, { name: row.name }));
    } catch (error) {
      ElMessage.error(toApiError(error).message);
    } finally {
      busy.value = null;
    }
  }

  return { target, visible, form, errors, submitting, busy, openNonCompliant, close, submitNonCompliant, markCompliant };
}
