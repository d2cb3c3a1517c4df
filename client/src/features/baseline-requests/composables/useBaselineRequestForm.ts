import { computed, reactive, ref, type Ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { sameBaselineMessage } from '@rules';
import { useFormErrors } from '@/core/errors';
import { t } from '@/features/baseline-requests/i18n';
import { RequestBaselineChangeDocument } from '@/gql/graphql';
import { standingOf, type BaselineYearRow } from './useBaselineYears';

const FIELDS = ['requestedCount', 'fiscalYear'] as const;

/**
 * ขอปรับเพิ่ม/ลดโครงการ of one fiscal year: the total the LAO wants (not the difference). A rejected
 * request is sent again as a new one with a new number. The dialog open is the year being edited.
 */
export function useBaselineRequestForm(laoCode: Ref<string | null>) {
  /** The year shown in the dialog; it stays while the dialog closes, so the closing dialog keeps its content. */
  const year = ref<BaselineYearRow | null>(null);
  const visible = ref(false);
  const form = reactive({ requestedCount: '' });
  const errors = useFormErrors(FIELDS);
  const { mutate, loading: submitting } = useMutation(RequestBaselineChangeDocument, {
    refetchQueries: ['BaselineYears'],
    awaitRefetchQueries: true,
  });

  const rejected = computed(() => (year.value && standingOf(year.value) === 'REJECTED' ? year.value.latestRequest : null));

  function open(row: BaselineYearRow): void {
    year.value = row;
    visible.value = true;
    errors.clear();
    form.requestedCount = '';
  }

  function close(): void {
    visible.value = false;
  }

  /** Sends the request; the requested total when NACC now has it, null otherwise. */
  async function submit(): Promise<number | null> {
    errors.clear();
    if (!year.value || !laoCode.value) return null;
    const text = form.requestedCount.replace(/[,\s]/g, '');
    // Only what the API's Int can carry is sent; the server judges the number itself (a total equal to the
    // baseline is refused there too, with the same words).
    if (!/^\d{1,9}$/.test(text)) {
      errors.setField('requestedCount', t.oversight.baseline.notWholeNumber);
      return null;
    }
    const requestedCount = Number(text);
    if (requestedCount === year.value.baselineCount) {
      errors.setField('requestedCount', sameBaselineMessage(requestedCount));
      return null;
    }
    try {
      await mutate({ laoCode: laoCode.value, fiscalYear: year.value.fiscalYear, requestedCount });
      return requestedCount;
    } catch (error) {
      errors.apply(error);
      return null;
    }
  }

  return { year, visible, form, errors, rejected, submitting, open, close, submit };
}
