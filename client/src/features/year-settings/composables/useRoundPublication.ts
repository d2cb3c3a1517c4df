import { computed, ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ElMessage, ElMessageBox } from 'element-plus';
import { useFormErrors } from '@/core/errors';
import { useFiscalYearQuery } from '@/core/fiscal-year-query';
import { fmt } from '@/core/i18n';
import { t } from '@/features/year-settings/i18n';
import { RoundPublicationsDocument, SetRoundPublicationDocument, type ReportRound } from '@/gql/graphql';

/**
 * การเผยแพร่ต่อสาธารณะ of one round of the chosen fiscal year: its state (published, not closed yet,
 * withdrawn and why), withdrawing it with a reason, publishing it again. Both rounds ask the same query,
 * which the GraphQL client sends once.
 */
export function useRoundPublication(round: ReportRound) {
  const { year, result, loading, errorMessage } = useFiscalYearQuery(RoundPublicationsDocument);
  const publication = computed(() => result.value?.roundPublications.find((p) => p.round === round && p.fiscalYear === year.value) ?? null);
  const reason = ref('');
  const errors = useFormErrors(['reason'] as const);
  const saving = ref(false);
  const { mutate } = useMutation(SetRoundPublicationDocument, { refetchQueries: ['RoundPublications'], awaitRefetchQueries: true });
  const s = t.reporting.yearSettings.publication;
  const what = () => ({ round: t.reporting.rounds[round], year: year.value ?? '' });

  async function send(published: boolean, done: string): Promise<void> {
    if (!year.value) return;
    errors.clear();
    saving.value = true;
    try {
      await mutate({ fiscalYear: year.value, round, published, reason: published ? null : reason.value });
      reason.value = '';
      ElMessage.success(done);
    } catch (error) {
      errors.apply(error);
    } finally {
      saving.value = false;
    }
  }

  /** ถอนการเผยแพร่: the reason is the server's to check (required, at most 500 characters). */
  const withdraw = () => send(false, fmt(s.withdrawn, what()));

  async function republish(): Promise<void> {
    try {
      await ElMessageBox.confirm(fmt(s.confirmRepublish, what()), t.common.confirm, {
        confirmButtonText: s.republish,
        cancelButtonText: t.common.cancel,
        type: 'warning',
      });
    } catch {
      return; // cancelled
    }
    await send(true, fmt(s.republished, what()));
  }

  return { year, publication, reason, errors, saving, withdraw, republish, loading, errorMessage };
}
