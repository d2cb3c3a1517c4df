import { ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ElMessage, ElMessageBox } from 'element-plus';
import { toApiError } from '@/core/errors';
import { fmt } from '@/core/i18n';
import { t } from '@/features/review/i18n';
import { ApproveManyDocument } from '@/gql/graphql';
import type { ReviewItem } from './useReviewQueue';

/**
 * อนุมัติที่เลือก: approves the chosen items in one call, all or none. When the server refuses one, nothing
 * is approved and its message stays on the page until the next try.
 */
export function useApproveMany() {
  const selected = ref<ReviewItem[]>([]);
  const refusal = ref('');
  const { mutate, loading: approving } = useMutation(ApproveManyDocument, { refetchQueries: ['ReviewQueue'], awaitRefetchQueries: true });

  async function approveSelected(): Promise<void> {
    const items = selected.value;
    if (!items.length) return;
    const words = t.oversight.queue;
    try {
      await ElMessageBox.confirm(fmt(words.confirmBatch, { count: items.length }), words.confirmBatchTitle, {
        confirmButtonText: words.approve,
        cancelButtonText: t.common.cancel,
        type: 'info',
      });
    } catch {
      return;
    }
    refusal.value = '';
    try {
      const res = await mutate({ items: items.map((i) => i.input) });
      ElMessage.success(fmt(words.batchDone, { count: res?.data?.approveMany ?? items.length }));
    } catch (error) {
      refusal.value = fmt(words.batchRefused, { message: toApiError(error).message });
    }
  }

  return { selected, refusal, approving, approveSelected };
}
