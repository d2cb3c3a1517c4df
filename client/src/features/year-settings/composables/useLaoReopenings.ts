import { computed, ref, type Ref } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { ElMessage, ElMessageBox } from 'element-plus';
import { formatDateTime } from '@/core/dates';
import { toApiError } from '@/core/errors';
import { fmt } from '@/core/i18n';
import { t } from '@/features/year-settings/i18n';
import { EndReopeningDocument, OpenReopeningsDocument, type OpenReopeningsQuery } from '@/gql/graphql';

type Reopening = OpenReopeningsQuery['openReopenings'][number];

/** The rounds reopened for the LAO whose code is typed that are still open, and ปิดการเปิดรอบ for each. */
export function useLaoReopenings(laoCode: Ref<string>) {
  const code = computed(() => (/^\d{7}$/.test(laoCode.value.trim()) ? laoCode.value.trim() : ''));
  const { result, loading, error } = useQuery(
    OpenReopeningsDocument,
    () => ({ laoCode: code.value }),
    () => ({ enabled: code.value !== '', fetchPolicy: 'cache-and-network' }),
  );
  const { mutate } = useMutation(EndReopeningDocument, { refetchQueries: ['OpenReopenings'], awaitRefetchQueries: true });
  const ending = ref<string | null>(null);
  const keyOf = (r: Reopening) => `${r.fiscalYear}:${r.round}`;

  async function end(r: Reopening): Promise<void> {
    const s = t.reporting.yearSettings;
    const what = { round: t.reporting.rounds[r.round], year: r.fiscalYear, code: r.laoCode, time: formatDateTime(r.openUntil) };
    try {
      await ElMessageBox.confirm(fmt(s.confirmEnd, what), t.common.confirm, {
        confirmButtonText: s.end,
        cancelButtonText: t.common.cancel,
        type: 'warning',
      });
    } catch {
      return; // cancelled
    }
    ending.value = keyOf(r);
    try {
      await mutate({ laoCode: r.laoCode, fiscalYear: r.fiscalYear, round: r.round });
      ElMessage.success(fmt(s.ended, what));
    } catch (err) {
      ElMessage.error(toApiError(err).message);
    } finally {
      ending.value = null;
    }
  }

  return {
    code,
    reopenings: computed(() => (code.value ? (result.value?.openReopenings ?? []) : [])),
    loading,
    errorMessage: computed(() => (code.value && error.value ? toApiError(error.value).message : '')),
    ending,
    keyOf,
    end,
  };
}
