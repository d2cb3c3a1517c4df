import { computed, ref } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { toApiError, useFormErrors } from '@/core/errors';
import { ClearMemoEmblemDocument, MemoEmblemDocument, SetMemoEmblemDocument } from '@/gql/graphql';
import { emblemDataUrl } from './emblemFile';

/** ครุฑ of the memo: the image every LAO's บันทึกข้อความ prints at the top left, set or removed by NACC. */
export function useMemoEmblem() {
  const { result, loading, error, refetch } = useQuery(MemoEmblemDocument, {}, { fetchPolicy: 'network-only' });
  const errors = useFormErrors(['image'] as const);
  const { mutate: setEmblem, loading: uploading } = useMutation(SetMemoEmblemDocument);
  const { mutate: clearEmblem, loading: clearing } = useMutation(ClearMemoEmblemDocument);
  const justSaved = ref<'set' | 'cleared' | null>(null);

  async function upload(file: File): Promise<boolean> {
    errors.clear();
    justSaved.value = null;
    try {
      await setEmblem({ image: await emblemDataUrl(file) });
      await refetch();
      justSaved.value = 'set';
      return true;
    } catch (err) {
      errors.apply(err);
      return false;
    }
  }

  async function clear(): Promise<boolean> {
    errors.clear();
    justSaved.value = null;
    try {
      await clearEmblem();
      await refetch();
      justSaved.value = 'cleared';
      return true;
    } catch (err) {
      errors.apply(err);
      return false;
    }
  }

  return {
    emblem: computed(() => result.value?.memoEmblem ?? null),
    loading,
    loadError: computed(() => (error.value ? toApiError(error.value).message : '')),
    errors,
    uploading,
    clearing,
    justSaved,
    upload,
    clear,
  };
}
