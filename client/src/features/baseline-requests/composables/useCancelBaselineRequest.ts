import { ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ElMessage, ElMessageBox } from 'element-plus';
import { toApiError } from '@/core/errors';
import { fmt } from '@/core/i18n';
import { t } from '@/features/baseline-requests/i18n';
import { CancelBaselineRequestDocument } from '@/gql/graphql';

/** ยกเลิกการขอแก้ไข: withdraws a pending request or closes a rejected one, after a confirmation; the year is ปกติ again. */
export function useCancelBaselineRequest() {
  const cancelling = ref<string | null>(null);
  const { mutate } = useMutation(CancelBaselineRequestDocument, { refetchQueries: ['BaselineYears'], awaitRefetchQueries: true });

  /** True when the request is cancelled. */
  async function cancel(request: { id: string; fiscalYear: number }): Promise<boolean> {
    const words = t.oversight.baseline;
    try {
      await ElMessageBox.confirm(fmt(words.confirmCancel, { year: request.fiscalYear }), words.confirmCancelTitle, {
        confirmButtonText: words.cancelPending,
        cancelButtonText: words.keep,
        type: 'warning',
      });
    } catch {
      return false;
    }
    cancelling.value = request.id;
    try {
      await mutate({ id: request.id });
      ElMessage.success(fmt(words.cancelled, { year: request.fiscalYear }));
      return true;
    } catch (error) {
      ElMessage.error(toApiError(error).message);
      return false;
    } finally {
      cancelling.value = null;
    }
  }

  return { cancelling, cancel };
}
