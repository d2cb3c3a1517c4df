import { ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ElMessage, ElMessageBox } from 'element-plus';
import { toApiError } from '@/core/errors';
import { fmt } from '@/core/i18n';
import { t } from '@/features/projects/i18n';
import { DeleteProjectDocument } from '@/gql/graphql';

/** ลบโครงการ, after the user confirms; the server refuses one that has reports (CONFLICT, with its reason). */
export function useDeleteProject() {
  const deleting = ref<string | null>(null);
  const { mutate } = useMutation(DeleteProjectDocument, { refetchQueries: ['ProjectList'] });

  async function remove(project: { id: string; name: string }): Promise<boolean> {
    try {
      await ElMessageBox.confirm(fmt(t.projects.confirmDelete, { name: project.name }), t.projects.confirmDeleteTitle, {
        confirmButtonText: t.projects.delete,
        cancelButtonText: t.common.cancel,
        type: 'warning',
        confirmButtonClass: 'el-button--danger',
      });
    } catch {
      return false; // cancelled
    }
    deleting.value = project.id;
    try {
      await mutate({ id: project.id });
      ElMessage.success(fmt(t.projects.deleted, { name: project.name }));
      return true;
    } catch (error) {
      ElMessage.error(toApiError(error).message);
      return false;
    } finally {
      deleting.value = null;
    }
  }

  return { deleting, remove };
}
