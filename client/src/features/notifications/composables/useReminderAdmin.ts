import { computed, reactive, ref, watch } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { errorMessageOf, toApiError } from '@/core/errors';
import { ROUNDS } from '@/core/fiscal-year';
import { t } from '@/features/notifications/i18n';
import { ReminderScheduleDocument, ScheduledJobsDocument, UpdateReminderScheduleDocument, type ReportRound } from '@/gql/graphql';

/** The most reminder days of a round, and the farthest from the close (the server's own limits). */
export const MAX_REMINDER_DAYS = 6;
export const MAX_DAYS_BEFORE = 60;

/**
 * "21, 14, 7, 1" (commas, spaces or Thai commas between) → the days, largest first and each once; '' → none;
 * else the Thai error to show under the field.
 */
export function parseReminderDays(text: string): { days: number[] } | { error: string } {
  const parts = text
    .split(/[\s,،、]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.some((p) => !/^\d{1,2}$/.test(p) || Number(p) > MAX_DAYS_BEFORE)) return { error: t.reminderAdmin.daysInvalid };
  const days = [...new Set(parts.map(Number))].sort((a, b) => b - a);
  if (days.length > MAX_REMINDER_DAYS) return { error: t.reminderAdmin.daysTooMany };
  return { days };
}

/** ADMIN: the reminder days of each round, as text fields saved a round at a time, and the scheduled jobs. */
export function useReminderAdmin() {
  const schedule = useQuery(ReminderScheduleDocument, {}, { fetchPolicy: 'network-only' });
  const jobs = useQuery(ScheduledJobsDocument, {}, { fetchPolicy: 'network-only' });
  const drafts = reactive<Record<ReportRound, string>>({ SIX_MONTHS: '', TWELVE_MONTHS: '' });
  const fieldErrors = reactive<Partial<Record<ReportRound, string>>>({});
  const savingRound = ref<ReportRound | null>(null);
  const saved = computed(() => schedule.result.value?.reminderSchedule ?? []);
  watch(
    saved,
    (rows) => {
      for (const row of rows) drafts[row.round] = row.days.join(', ');
    },
    { immediate: true },
  );
  const { mutate } = useMutation(UpdateReminderScheduleDocument);

  return {
    rounds: ROUNDS,
    drafts,
    fieldErrors,
    savingRound,
    loading: computed(() => schedule.loading.value && !schedule.result.value),
    jobs: computed(() => jobs.result.value?.scheduledJobs ?? []),
    jobsLoading: jobs.loading,
    errorMessage: errorMessageOf(computed(() => schedule.error.value)),
    jobsError: errorMessageOf(computed(() => jobs.error.value)),
    refreshJobs: () => jobs.refetch(),
    /** Saves one round's days; the days as saved, or null (the error is under the field). */
    async save(round: ReportRound): Promise<number[] | null> {
      delete fieldErrors[round];
      const parsed = parseReminderDays(drafts[round]);
      if ('error' in parsed) {
        fieldErrors[round] = parsed.error;
        return null;
      }
      savingRound.value = round;
      try {
        const done = await mutate({ round, days: parsed.days });
        const row = done?.data?.updateReminderSchedule;
        if (row) drafts[round] = row.days.join(', ');
        return row?.days ?? null;
      } catch (error) {
        fieldErrors[round] = toApiError(error).message;
        return null;
      } finally {
        savingRound.value = null;
      }
    },
  };
}
