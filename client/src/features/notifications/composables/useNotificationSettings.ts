import { computed, reactive, watch } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { errorMessageOf } from '@/core/errors';
import { NotificationSettingsDocument, UpdateNotificationSettingsDocument } from '@/gql/graphql';

/** The user's notice settings as a form: the saved values to start from, saved as a whole. */
export function useNotificationSettings() {
  const saved = useQuery(NotificationSettingsDocument, {}, { fetchPolicy: 'network-only' });
  const form = reactive({ email: false, line: false, deadlineReminders: true, roundOpened: true });
  const settings = computed(() => saved.result.value?.notificationSettings ?? null);
  watch(
    settings,
    (s) => {
      if (s) Object.assign(form, { email: s.email, line: s.line, deadlineReminders: s.deadlineReminders, roundOpened: s.roundOpened });
    },
    { immediate: true },
  );
  const { mutate, loading: saving, error: saveError } = useMutation(UpdateNotificationSettingsDocument);

  return {
    form,
    settings,
    loading: computed(() => saved.loading.value && !settings.value),
    saving,
    errorMessage: errorMessageOf(computed(() => saved.error.value ?? saveError.value)),
    /** Saves the form (LINE only once an account is linked); true when the server took it. */
    async save(): Promise<boolean> {
      const input = { ...form, line: settings.value?.lineLinked ? form.line : false };
      const done = await mutate({ input }).catch(() => null);
      return Boolean(done?.data);
    },
  };
}
