import { reactive, type Ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ElMessage } from 'element-plus';
import { formatDateTime } from '@/core/dates';
import { useFormErrors } from '@/core/errors';
import { useFiscalYear } from '@/core/fiscal-year';
import { fmt } from '@/core/i18n';
import { t } from '@/features/year-settings/i18n';
import { ReopenRoundDocument, type ReportRound } from '@/gql/graphql';

const FIELDS = ['laoCode', 'round', 'until'] as const;

/**
 * เปิดรอบรายงานให้ อปท. เป็นกรณีพิเศษ: one LAO may report in a closed round of a year until a time — the year
 * chosen in the header, or `yearOf` (a follow-up table's year). `submit` is true once the round is open.
 */
export function useReopenRoundForm(yearOf?: Ref<number | null>) {
  const year = yearOf ?? useFiscalYear().year;
  const form = reactive({ laoCode: '', round: 'SIX_MONTHS' as ReportRound, until: null as string | null });
  const errors = useFormErrors(FIELDS);
  const { mutate, loading: submitting } = useMutation(ReopenRoundDocument, { refetchQueries: ['OpenReopenings', 'ProvinceFollowUp'] });

  async function submit(): Promise<boolean> {
    errors.clear();
    const s = t.reporting.yearSettings;
    const laoCode = form.laoCode.trim();
    if (!/^\d{7}$/.test(laoCode)) errors.setField('laoCode', s.laoCodeInvalid);
    if (!form.until) errors.setField('until', s.untilRequired);
    if (errors.hasFieldErrors() || !year.value) return false;
    try {
      const res = await mutate({ laoCode, fiscalYear: year.value, round: form.round, until: form.until! });
      const done = res?.data?.reopenRound;
      if (done) {
        ElMessage.success(
          fmt(s.reopened, {
            round: t.reporting.rounds[done.round],
            year: done.fiscalYear,
            code: done.laoCode,
            time: formatDateTime(done.openUntil),
          }),
        );
      }
      // The code stays: the LAO's open reopenings, this one among them, are listed below the form.
      form.until = null;
      return Boolean(done);
    } catch (error) {
      errors.apply(error);
      return false;
    }
  }

  return { year, form, errors, submitting, submit };
}
