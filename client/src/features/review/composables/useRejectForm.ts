import { reactive, ref } from 'vue';
import { useFormErrors } from '@/core/errors';
import type { ReviewItem } from './useReviewQueue';
import type { useReviewDecision } from './useReviewDecision';
import { trimText } from '@/core/text';

const FIELDS = ['reason'] as const;

/** ไม่อนุมัติ: the item being rejected and the reason the LAO will read (the server requires it and says so under the field). */
export function useRejectForm(decision: ReturnType<typeof useReviewDecision>) {
  /** The item shown in the dialog; it stays while the dialog closes. */
  const item = ref<ReviewItem | null>(null);
  const visible = ref(false);
  const form = reactive({ reason: '' });
  const errors = useFormErrors(FIELDS);
  const submitting = ref(false);

  function open(next: ReviewItem): void {
    item.value = next;
    visible.value = true;
    form.reason = '';
    errors.clear();
  }

  function close(): void {
    visible.value = false;
  }

  /** The rejected item when the server took the decision, null otherwise. */
  async function submit(): Promise<ReviewItem | null> {
    const target = item.value;
    if (!target) return null;
    errors.clear();
    submitting.value = true;
    try {
      await decision.decide(target, false, trimText(form.reason) || null);
      visible.value = false;
      return target;
    } catch (error) {
      errors.apply(error);
      return null;
    } finally {
      submitting.value = false;
    }
  }

  return { item, visible, form, errors, submitting, open, close, submit };
}
