import { computed, ref, type Ref } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { toApiError } from '@/core/errors';
import { fmt } from '@/core/i18n';
import { t } from '@/features/attachments/i18n';
import { AttachmentListDocument, DeleteAttachmentDocument, SetAttachmentPublicDocument, type AttachmentListQuery } from '@/gql/graphql';
import { formatFileSize } from './fileSize';
import { isUploadPlace, sendFile, type AttachmentPlace, type RefusalReason } from './sendFile';

export type AttachmentItem = AttachmentListQuery['attachments']['items'][number];

/**
 * The evidence files of a report or of a plan: the list (with what the user may do there, from the
 * server), and uploading, publishing and deleting, each saying in Thai what became of it. A file too
 * large for the server or for the LAO's room is refused before it is sent; what the server refuses is
 * told by its reason, in words that name the file.
 */
export function useAttachments(place: Ref<AttachmentPlace | null>) {
  const { result, loading, error, refetch } = useQuery(
    AttachmentListDocument,
    () => place.value ?? {},
    () => ({
      enabled: place.value !== null,
      fetchPolicy: 'cache-and-network',
    }),
  );
  const list = computed(() => (place.value ? (result.value?.attachments ?? null) : null));
  const uploading = ref(false);
  /** The id of the file being published, withdrawn or deleted. */
  const busy = ref<string | null>(null);
  /** What the last action said went wrong ('' when nothing did). */
  const message = ref('');
  /** What the last action did, for a notice. */
  const done = ref('');

  const { mutate: publish } = useMutation(SetAttachmentPublicDocument);
  const { mutate: deleteFile } = useMutation(DeleteAttachmentDocument);

  function refusal(reason: RefusalReason | null, file: File, fallback: string): string {
    const words = t.attachments.errors;
    const l = list.value;
    const params = {
      name: file.name,
      size: formatFileSize(file.size),
      max: formatFileSize(l?.maxFileBytes ?? 10 * 1024 * 1024),
      used: formatFileSize(l?.usedBytes ?? 0),
      quota: formatFileSize(l?.quotaBytes ?? 0),
    };
    return reason && reason in words ? fmt(words[reason as keyof typeof words], params) : fallback;
  }

  async function upload(file: File): Promise<boolean> {
    const to = place.value;
    const l = list.value;
    if (!to || !isUploadPlace(to)) return false;
    message.value = '';
    done.value = '';
    // What the server would refuse anyway is said before a large file travels on a slow line.
    if (l && file.size > l.maxFileBytes) message.value = refusal('TOO_LARGE', file, '');
    else if (l && l.usedBytes + file.size > l.quotaBytes) message.value = refusal('OVER_QUOTA', file, '');
    if (message.value) return false;
    uploading.value = true;
    try {
      const answer = await sendFile(to, file);
      if (!answer.ok) {
        message.value = refusal(answer.reason, file, answer.message);
        return false;
      }
      done.value = fmt(t.attachments.uploaded, { name: file.name });
      await refetch();
      return true;
    } finally {
      uploading.value = false;
    }
  }

  async function setPublic(item: AttachmentItem, value: boolean): Promise<boolean> {
    message.value = '';
    done.value = '';
    busy.value = item.id;
    try {
      await publish({ id: item.id, public: value });
      done.value = fmt(value ? t.attachments.madePublic : t.attachments.madePrivate, { name: item.fileName });
      return true;
    } catch (err) {
      message.value = toApiError(err).message;
      return false;
    } finally {
      busy.value = null;
    }
  }

  /** Deletes a file the user has confirmed deleting. */
  async function remove(item: AttachmentItem): Promise<boolean> {
    message.value = '';
    done.value = '';
    busy.value = item.id;
    try {
      await deleteFile({ id: item.id });
      done.value = fmt(t.attachments.deleted, { name: item.fileName });
      await refetch();
      return true;
    } catch (err) {
      message.value = toApiError(err).message;
      return false;
    } finally {
      busy.value = null;
    }
  }

  return {
    list,
    canUpload: computed(() => Boolean(list.value?.canEdit && place.value && isUploadPlace(place.value))),
    loading,
    loadError: computed(() => (error.value ? toApiError(error.value).message : '')),
    uploading,
    busy,
    message,
    done,
    upload,
    setPublic,
    remove,
  };
}
