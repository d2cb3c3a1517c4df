import type { Ref } from 'vue';
import { onBeforeRouteLeave } from 'vue-router';
import { ElMessageBox } from 'element-plus';
import { t } from '@/features/projects/i18n';

/** Asks before leaving a page whose form has changes not yet saved. */
export function useLeaveGuard(dirty: Ref<boolean>): void {
  onBeforeRouteLeave(async () => {
    if (!dirty.value) return true;
    try {
      await ElMessageBox.confirm(t.projects.leaveUnsaved, t.projects.leaveTitle, {
        confirmButtonText: t.projects.leave,
        cancelButtonText: t.projects.stay,
        type: 'warning',
      });
      return true;
    } catch {
      return false;
    }
  });
}
