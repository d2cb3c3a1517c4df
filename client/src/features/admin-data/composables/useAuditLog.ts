import { computed, reactive, ref } from 'vue';
import { dayjs } from '@/core/dayjs';
import { useQuery } from '@vue/apollo-composable';
import { useAuth } from '@/core/auth';
import { TIME_ZONE } from '@/core/dates';
import { toApiError, useFormErrors } from '@/core/errors';
import { t } from '@/features/admin-data/i18n';
import { AuditActionsDocument, AuditLogDocument } from '@/gql/graphql';

export const PAGE_SIZE = 50;
const FIELDS = ['laoCode', 'provinceCode', 'action', 'actorUsername', 'from', 'to'] as const;

interface Filters {
  laoCode: string;
  provinceCode: string;
  action: string;
  actorUsername: string;
  /** Days as `YYYY-MM-DD`, read in Thailand's time; `to` includes its whole day. */
  from: string | null;
  to: string | null;
}

const blank = (): Filters => ({ laoCode: '', provinceCode: '', action: '', actorUsername: '', from: null, to: null });

/** The first instant of a day in Thailand, as the API's instant. */
const startOfDay = (day: string, plusDays = 0) => dayjs.tz(`${day}T00:00:00`, TIME_ZONE).add(plusDays, 'day').toISOString();

/**
 * บันทึกการเปลี่ยนแปลงข้อมูล: the filters are a draft until searched; the server pages the log (newest
 * first) and limits a province officer to its province.
 */
export function useAuditLog() {
  const { reachOf } = useAuth();
  // The whole country's log (a province to choose), or the own province's only.
  const isAdmin = computed(() => reachOf('READ_AUDIT') === 'NATION');
  const draft = reactive<Filters>(blank());
  const applied = ref<Filters>(blank());
  const page = ref(1);
  const errors = useFormErrors(FIELDS);

  const variables = computed(() => {
    const f = applied.value;
    return {
      laoCode: f.laoCode || null,
      provinceCode: isAdmin.value ? f.provinceCode || null : null,
      action: f.action || null,
      actorUsername: f.actorUsername || null,
      from: f.from ? startOfDay(f.from) : null,
      to: f.to ? startOfDay(f.to, 1) : null,
      limit: PAGE_SIZE,
      offset: (page.value - 1) * PAGE_SIZE,
    };
  });
  // The actions to filter by, with their Thai names, as the server lists them.
  const actionList = useQuery(AuditActionsDocument);
  const { result, loading, error, onError } = useQuery(AuditLogDocument, variables, { fetchPolicy: 'network-only' });
  onError((e) => errors.apply(e));

  function search(): void {
    errors.clear();
    if (draft.from && draft.to && draft.from > draft.to) {
      errors.setField('to', t.oversight.audit.dateRangeInvalid);
      return;
    }
    applied.value = { ...draft, laoCode: draft.laoCode.trim(), action: draft.action ?? '', actorUsername: draft.actorUsername.trim() };
    page.value = 1;
  }

  function clear(): void {
    Object.assign(draft, blank());
    search();
  }

  return {
    isAdmin,
    actions: computed(() => actionList.result.value?.auditActions ?? []),
    draft,
    page,
    errors,
    search,
    clear,
    rows: computed(() => (error.value ? [] : (result.value?.auditLog.rows ?? []))),
    total: computed(() => (error.value ? 0 : (result.value?.auditLog.total ?? 0))),
    loading,
    errorMessage: computed(() => (error.value && !errors.hasFieldErrors() ? toApiError(error.value).message : '')),
  };
}
