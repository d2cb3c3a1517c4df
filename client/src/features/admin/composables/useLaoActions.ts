import { ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ElMessage, ElMessageBox } from 'element-plus';
import { toApiError } from '@/core/errors';
import { fmt } from '@/core/i18n';
import { t } from '@/features/admin/i18n';
import { UpdateLaoDocument, type RegistryLaoFragment } from '@/gql/graphql';

/**
 * ยุบรวม/ยกเลิก an LAO of the registry after a confirmation that says what it does (its data stay, it
 * leaves the current tables), or use it again; the rest of its registry entry is kept as it is.
 */
export function useLaoActions() {
  const busy = ref<string | null>(null);
  const { mutate } = useMutation(UpdateLaoDocument, { refetchQueries: ['RegistryLaos'] });

  async function setActive(lao: RegistryLaoFragment, active: boolean): Promise<void> {
    const words = t.laoRegistry;
    try {
      await ElMessageBox.confirm(fmt(active ? words.confirmRestore : words.confirmRetire, { name: lao.name }), t.common.confirm, {
        confirmButtonText: active ? words.restore : words.retire,
        cancelButtonText: t.common.cancel,
        type: active ? 'info' : 'warning',
      });
    } catch {
      return; // cancelled
    }
    busy.value = lao.code;
    try {
      await mutate({
        code: lao.code,
        input: { name: lao.name, type: lao.type, size: lao.size, districtCode: lao.district.code, address: lao.address, active },
      });
      ElMessage.success(fmt(active ? words.restoredDone : words.retiredDone, { name: lao.name }));
    } catch (error) {
      ElMessage.error(toApiError(error).message);
    } finally {
      busy.value = null;
    }
  }

  return { busy, retire: (lao: RegistryLaoFragment) => setActive(lao, false), restore: (lao: RegistryLaoFragment) => setActive(lao, true) };
}
