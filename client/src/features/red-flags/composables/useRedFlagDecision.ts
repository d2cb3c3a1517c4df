import { computed, reactive, ref } from 'vue';
import { useApolloClient, useMutation } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { DismissRedFlagDocument, FollowUpRedFlagDocument, type RedFlagAction, type RedFlagFieldsFragment } from '@/gql/graphql';
import { trimText } from '@rules';

const FIELDS = ['note'] as const;

/**
 * ติดตามตรวจสอบ / ไม่มีประเด็น on one flag, asked in a dialog with the officer's note (the server requires it
 * and says so under the field). The answer is the flag as it now stands, which the list shows at once
 * (the cache knows it by id). A flag someone else decided meanwhile comes back CONFLICT with who and when:
 * the list is read again.
 */
export function useRedFlagDecision() {
  /** The flag in the dialog; it stays while the dialog closes. */
  const flag = ref<RedFlagFieldsFragment | null>(null);
  const action = ref<RedFlagAction>('FOLLOW_UP');
  const visible = ref(false);
  const form = reactive({ note: '' });
  const errors = useFormErrors(FIELDS);
  const followUp = useMutation(FollowUpRedFlagDocument);
  const dismiss = useMutation(DismissRedFlagDocument);
  const { resolveClient } = useApolloClient();

  function open(next: RedFlagFieldsFragment, nextAction: RedFlagAction): void {
    flag.value = next;
    action.value = nextAction;
    form.note = '';
    errors.clear();
    visible.value = true;
  }

  /** The flag as decided when the server took the decision, null otherwise. */
  async function submit(): Promise<RedFlagFieldsFragment | null> {
    const target = flag.value;
    if (!target) return null;
    errors.clear();
    const variables = { id: target.id, note: trimText(form.note) };
    try {
      const decided =
        action.value === 'DISMISS'
          ? (await dismiss.mutate(variables))?.data?.dismissRedFlag
          : (await followUp.mutate(variables))?.data?.followUpRedFlag;
      visible.value = false;
      return decided ?? null;
    } catch (error) {
      const api = errors.apply(error);
      if (api.code === 'CONFLICT' || api.code === 'NOT_FOUND') void resolveClient().refetchQueries({ include: ['RedFlags'] });
      return null;
    }
  }

  return {
    flag,
    action,
    visible,
    form,
    errors,
    submitting: computed(() => followUp.loading.value || dismiss.loading.value),
    open,
    close: () => (visible.value = false),
    submit,
  };
}
