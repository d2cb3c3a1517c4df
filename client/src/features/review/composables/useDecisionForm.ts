import { reactive, ref } from 'vue';
import { useFormErrors } from '@/core/errors';
import { trimText } from '@rules';
import type { ReviewItem } from './useReviewQueue';
import type { useReviewDecision } from './useReviewDecision';

const FIELDS = ['reason'] as const;

/**
 * อนุมัติ / ไม่อนุมัติ one item of the queue, asked before it is sent: the dialog names the LAO, the year
 * and the request (and what the LAO wrote); approving says what it will change, rejecting asks for the
 * reason the LAO will read (the server requires it and says so under the field).
 */
export function useDecisionForm(decision: ReturnType<typeof useReviewDecision>) {
  /** The item shown in the dialog; it stays while the dialog closes. */
  const item = ref<ReviewItem | null>(null);
  /** Whether the dialog approves (else it rejects). */
  const approve = ref(false);
  const visible = ref(false);
  const form = reactive({ reason: '' });
  const errors = useFormErrors(FIELDS);
  const submitting = ref(false);

  function open(next: ReviewItem, approving: boolean): void {
    item.value = next;
    approve.value = approving;
    visible.value = true;
    form.reason = '';
    errors.clear();
  }

  function close(): void {
    visible.value = false;
  }

  /** The decided item when the server took the decision, null otherwise. */
  async function submit(): Promise<ReviewItem | null> {
    const target = item.value;
    if (!target) return null;
    errors.clear();
    submitting.value = true;
    try {
      await decision.decide(target, approve.value, approve.value ? null : trimText(form.reason) || null);
      visible.value = false;
      return target;
    } catch (error) {
      errors.apply(error);
      return null;
    } finally {
      submitting.value = false;
    }
  }

  return { item, approve, visible, form, errors, submitting, open, close, submit };
}
