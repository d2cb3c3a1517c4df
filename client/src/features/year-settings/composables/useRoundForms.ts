import { reactive, ref } from 'vue';
import { ElMessage } from 'element-plus';
import { useFormErrors, type FormErrors } from '@/core/errors';
import type { ReportRound } from '@/gql/graphql';

/**
 * One small form per reporting round on a fiscal-year settings card: each round's values and errors,
 * and saving one round at a time (a message when saved, else the server's errors under its fields).
 */
export function useRoundForms<S extends object, F extends string>(fields: readonly F[], blank: () => S) {
  const forms = reactive({ SIX_MONTHS: blank(), TWELVE_MONTHS: blank() }) as Record<ReportRound, S>;
  const errors: Record<ReportRound, FormErrors<F>> = { SIX_MONTHS: useFormErrors(fields), TWELVE_MONTHS: useFormErrors(fields) };
  /** The round being saved. */
  const saving = ref<ReportRound | null>(null);

  async function saveRound(round: ReportRound, send: () => Promise<unknown>, savedMessage: string): Promise<boolean> {
    saving.value = round;
    try {
      await send();
      ElMessage.success(savedMessage);
      return true;
    } catch (error) {
      errors[round].apply(error);
      return false;
    } finally {
      saving.value = null;
    }
  }

  return { forms, errors, saving, saveRound };
}
