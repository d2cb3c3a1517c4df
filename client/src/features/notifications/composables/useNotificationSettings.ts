import { computed, reactive, ref, watch } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { errorMessageOf } from '@/core/errors';
import {
  LinkLineAccountDocument,
  NotificationSettingsDocument,
  UnlinkLineAccountDocument,
  UpdateNotificationSettingsDocument,
  type LinkLineAccountMutation,
} from '@/gql/graphql';

/**
 * The user's notice settings as a form (the saved values to start from, saved as a whole), and the LINE account:
 * a one-time code to send to the LINE Official Account, a check whether the link is made, unlinking.
 */
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
  const link = useMutation(LinkLineAccountDocument);
  const unlink = useMutation(UnlinkLineAccountDocument);
  /** The code shown (until the account is linked, or a new one replaces it). */
  const lineCode = ref<LinkLineAccountMutation['linkLineAccount'] | null>(null);
  watch(
    () => settings.value?.lineLinked,
    (linked) => {
      if (linked) lineCode.value = null;
    },
  );

  return {
    form,
    settings,
    loading: computed(() => saved.loading.value && !settings.value),
    saving,
    errorMessage: errorMessageOf(computed(() => saved.error.value ?? saveError.value)),
    lineCode,
    lineBusy: computed(() => link.loading.value || unlink.loading.value || saved.loading.value),
    lineError: errorMessageOf(computed(() => link.error.value ?? unlink.error.value)),
    /** A new one-time code to send to the LINE Official Account. */
    async requestLineCode(): Promise<void> {
      const done = await link.mutate().catch(() => null);
      if (done?.data) lineCode.value = done.data.linkLineAccount;
    },
    /** Asks the server whether the code has been sent (the link made). */
    checkLinked: () => saved.refetch(),
    /** Unlinks the LINE account: no more LINE pushes. */
    async unlinkLine(): Promise<boolean> {
      const done = await unlink.mutate().catch(() => null);
      if (done?.data) await saved.refetch();
      return Boolean(done?.data);
    },
    /** Saves the form (LINE only once an account is linked); true when the server took it. */
    async save(): Promise<boolean> {
      const input = { ...form, line: settings.value?.lineLinked ? form.line : false };
      const done = await mutate({ input }).catch(() => null);
      return Boolean(done?.data);
    },
  };
}
