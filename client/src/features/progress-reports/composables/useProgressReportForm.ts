import { computed, reactive, shallowRef } from 'vue';
import { useApolloClient, useMutation } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { t } from '@/core/i18n';
import { SaveProgressReportDocument, type CannotDoReason, type ReportRound, type WorkStatus } from '@/gql/graphql';
import { parseMoney } from '@/core/money';
import type { ReportRow } from './useReportProjects';
import { trimText } from '@/core/text';

const FIELDS = ['inOrdinance', 'ordinanceBudget', 'disbursed', 'status', 'cannotDoReason', 'cannotDoText', 'note'] as const;

/** The report being written: a project of the list, a round and the fiscal year. */
export interface ReportTarget {
  row: ReportRow;
  round: ReportRound;
  fiscalYear: number;
}

const blank = () => ({
  inOrdinance: undefined as boolean | undefined,
  ordinanceBudget: '',
  disbursed: '',
  status: undefined as WorkStatus | undefined,
  cannotDoReason: undefined as CannotDoReason | undefined,
  cannotDoText: '',
  note: '',
});

/**
 * รายงานผลการดำเนินงาน of one project for one round: a new report, or the saved one ("รายงานแล้ว")
 * to edit. A budgeted project needs the ordinance budget and the disbursement of the year; one without
 * budget has neither. A twelve-month report not yet written starts from the six-month report's
 * ordinance figures (the year's ordinance is the same in both rounds). A save outside the reporting
 * window comes back ROUND_CLOSED: the form then shows the server's message and turns read-only.
 */
export function useProgressReportForm(onSaved: (target: ReportTarget) => void) {
  const target = shallowRef<ReportTarget | null>(null);
  const form = reactive(blank());
  const errors = useFormErrors(FIELDS);
  const { resolveClient } = useApolloClient();
  const { mutate, loading: submitting } = useMutation(SaveProgressReportDocument, {
    refetchQueries: ['ReportProjects'],
    awaitRefetchQueries: true,
  });

  const existing = computed(() => (target.value ? target.value.row.reports[target.value.round] : null));
  const budgeted = computed(() => target.value !== null && target.value.row.budget !== null);
  const prefilledFromSixMonths = computed(
    () => target.value?.round === 'TWELVE_MONTHS' && !existing.value && target.value.row.reports.SIX_MONTHS !== null,
  );
  /** The server's message when a save found the round closed. */
  const closedMessage = computed(() => (errors.code === 'ROUND_CLOSED' ? errors.message : ''));

  function load(next: ReportTarget): void {
    target.value = next;
    errors.clear();
    const saved = next.row.reports[next.round];
    const six = next.round === 'TWELVE_MONTHS' && !saved ? next.row.reports.SIX_MONTHS : null;
    const budgetedRow = next.row.budget !== null;
    Object.assign(form, blank(), {
      inOrdinance: saved?.inOrdinance ?? six?.inOrdinance ?? undefined,
      ordinanceBudget: budgetedRow ? (saved?.ordinanceBudget ?? six?.ordinanceBudget ?? '') : '',
      disbursed: budgetedRow ? (saved?.disbursed ?? '') : '',
      status: saved?.status ?? undefined,
      cannotDoReason: saved?.cannotDoReason ?? undefined,
      cannotDoText: saved?.cannotDoText ?? '',
      note: saved?.note ?? '',
    });
  }

  function money(field: 'ordinanceBudget' | 'disbursed'): string | null {
    const text = form[field].trim();
    if (!text) {
      errors.setField(field, t.reporting.reports.form.moneyRequired);
      return null;
    }
    const value = parseMoney(text);
    if (value === null) errors.setField(field, t.reporting.reports.form.moneyInvalid);
    return value;
  }

  async function submit(): Promise<boolean> {
    const current = target.value;
    if (!current) return false;
    errors.clear();
    const f = t.reporting.reports.form;
    const ordinanceBudget = budgeted.value ? money('ordinanceBudget') : null;
    const disbursed = budgeted.value ? money('disbursed') : null;
    if (form.inOrdinance === undefined) errors.setField('inOrdinance', f.chooseInOrdinance);
    if (!form.status) errors.setField('status', f.chooseStatus);
    const cannotDo = form.status === 'CANNOT_DO';
    if (cannotDo && !form.cannotDoReason) errors.setField('cannotDoReason', f.chooseReason);
    if (cannotDo && form.cannotDoReason === 'OTHER' && !trimText(form.cannotDoText)) errors.setField('cannotDoText', f.reasonTextMissing);
    if (errors.hasFieldErrors()) return false;
    try {
      await mutate({
        input: {
          projectId: current.row.id,
          fiscalYear: current.fiscalYear,
          round: current.round,
          inOrdinance: form.inOrdinance!,
          ordinanceBudget,
          disbursed,
          status: form.status!,
          cannotDoReason: cannotDo ? form.cannotDoReason : null,
          cannotDoText: cannotDo && form.cannotDoReason === 'OTHER' ? trimText(form.cannotDoText) : null,
          note: trimText(form.note) || null,
        },
      });
      onSaved(current);
      return true;
    } catch (error) {
      const api = errors.apply(error);
      // The window closed while the form was open: the list learns it too.
      if (api.code === 'ROUND_CLOSED') void resolveClient().refetchQueries({ include: ['ReportProjects'] });
      return false;
    }
  }

  return { target, form, errors, existing, budgeted, prefilledFromSixMonths, closedMessage, submitting, load, submit };
}
