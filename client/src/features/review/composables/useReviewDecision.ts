import { ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ReviewBaselineRequestDocument, ReviewProjectAdditionDocument, ReviewProjectReductionDocument } from '@/gql/graphql';
import type { ReviewItem } from './useReviewQueue';

/**
 * Approves or rejects one item of the queue with the mutation of its kind; the queue is fetched again,
 * so a decided item leaves it. Throws the server's error to the caller.
 */
export function useReviewDecision() {
  const options = { refetchQueries: ['ReviewQueue'], awaitRefetchQueries: true };
  const { mutate: addition } = useMutation(ReviewProjectAdditionDocument, options);
  const { mutate: reduction } = useMutation(ReviewProjectReductionDocument, options);
  const { mutate: baseline } = useMutation(ReviewBaselineRequestDocument, options);
  /** The key of the item being decided. */
  const deciding = ref<string | null>(null);

  async function decide(item: ReviewItem, approve: boolean, reason: string | null = null): Promise<void> {
    deciding.value = item.key;
    try {
      const { input } = item;
      if (input.kind === 'BASELINE') await baseline({ id: input.requestId!, approve, reason });
      else {
        const mutate = input.kind === 'ADDITION' ? addition : reduction;
        await mutate({ projectId: input.projectId!, fiscalYear: input.fiscalYear!, approve, reason });
      }
    } finally {
      deciding.value = null;
    }
  }

  return { deciding, decide };
}
