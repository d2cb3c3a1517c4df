import { ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ElMessage } from 'element-plus';
import { toApiError } from '@/core/errors';
import { fmt } from '@/core/i18n';
import { t } from '@/features/follow-up/i18n';
import { RemindLaoDocument, type ReportRound } from '@/gql/graphql';

/**
 * แจ้งเตือนทันที from a row of the follow-up table: the LAO's officers are reminded now to report the round.
 * What the server refuses (already reminded today, nothing waiting, no account) is said in its own Thai words.
 */
export function useRemindLao() {
  const { mutate } = useMutation(RemindLaoDocument);
  /** The LAO being reminded now (its button spins). */
  const reminding = ref<string | null>(null);

  async function remind(laoCode: string, laoName: string, fiscalYear: number, round: ReportRound): Promise<boolean> {
    reminding.value = laoCode;
    try {
      const done = (await mutate({ laoCode, fiscalYear, round }))?.data?.remindLao;
      if (done) ElMessage.success(fmt(t.followUp.reminded, { lao: laoName, recipients: done.recipients, waiting: done.waiting }));
      return Boolean(done);
    } catch (error) {
      ElMessage.error({ message: toApiError(error).message, duration: 8000 });
      return false;
    } finally {
      reminding.value = null;
    }
  }

  return { reminding, remind };
}
