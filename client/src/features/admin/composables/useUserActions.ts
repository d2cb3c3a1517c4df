import { ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ElMessage, ElMessageBox } from 'element-plus';
import { toApiError } from '@/core/errors';
import { fmt } from '@/core/i18n';
import { t } from '@/features/admin/i18n';
import { SetUserDisabledDocument, UnlockUserDocument, type AdminUserFragment } from '@/gql/graphql';

/** One-click actions on an account: disable or enable (after a confirmation), unlock. */
export function useUserActions() {
  const busy = ref<string | null>(null);
  const { mutate: setDisabled } = useMutation(SetUserDisabledDocument);
  const { mutate: unlock } = useMutation(UnlockUserDocument);

  async function run(username: string, action: () => Promise<unknown>, done: string): Promise<void> {
    busy.value = username;
    try {
      await action();
      ElMessage.success(done);
    } catch (error) {
      ElMessage.error(toApiError(error).message);
    } finally {
      busy.value = null;
    }
  }

  async function toggleDisabled(user: AdminUserFragment): Promise<void> {
    const disabling = !user.disabled;
    try {
      await ElMessageBox.confirm(
        fmt(disabling ? t.users.confirmDisable : t.users.confirmEnable, { username: user.username }),
        t.common.confirm,
        {
          confirmButtonText: disabling ? t.users.disable : t.users.enable,
          cancelButtonText: t.common.cancel,
          type: disabling ? 'warning' : 'info',
        },
      );
    } catch {
      return; // cancelled
    }
    await run(
      user.username,
      () => setDisabled({ username: user.username, disabled: disabling }),
      fmt(disabling ? t.users.disabledDone : t.users.enabledDone, { username: user.username }),
    );
  }

  async function unlockUser(user: AdminUserFragment): Promise<void> {
    await run(user.username, () => unlock({ username: user.username }), fmt(t.users.unlockedDone, { username: user.username }));
  }

  return { busy, toggleDisabled, unlockUser };
}
