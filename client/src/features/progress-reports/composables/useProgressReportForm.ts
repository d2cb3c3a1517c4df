import { computed, reactive, ref, shallowRef } from 'vue';
import { useApolloClient, useMutation } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { t } from '@/features/progress-reports/i18n';
import {
  ProgressReportFieldsFragmentDoc,
  ReportDraftDocument,
  SaveProgressReportDocument,
  type CannotDoReason,
  type ReportDraftQuery,
  type ReportRound,
  type ReportWarning,
  type WorkStatus,
} from '@/gql/graphql';
import { parseMoney } from '@/core/money';
import type { ReportRow } from './useReportProjects';
import { trimText } from '@rules';

const FIELDS = ['inOrdinance', 'ordinanceBudget', 'disbursed', 'status', 'cannotDoReason', 'cannotDoText', 'note'] as const;
const MONEY_FIELDS = ['ordinanceBudget', 'disbursed'] as const;
type MoneyField = (typeof MONEY_FIELDS)[number];

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

/** ข้อควรตรวจสอบ the server found in the figures (WARNINGS_UNCONFIRMED's `extensions.warnings`). */
export interface ReportWarningNotice {
  code: ReportWarning;
  message: string;
}

/** The server's starting values as the form holds them (amounts as the text in their inputs). */
function fromDraft(draft: ReportDraftQuery['reportDraft']): ReturnType<typeof blank> {
  return {
    inOrdinance: draft.inOrdinance ?? undefined,
    ordinanceBudget: draft.ordinanceBudget ?? '',
    disbursed: draft.disbursed ?? '',
    status: draft.status ?? undefined,
    cannotDoReason: draft.cannotDoReason ?? undefined,
    cannotDoText: draft.cannotDoText ?? '',
    note: draft.note ?? '',
  };
}

/**
 * รายงานผลการดำเนินงาน of one project for one round: a new report, or the saved one ("รายงานแล้ว")
 * to edit. The form starts from what the server gives (`reportDraft`: the saved report, or for a
 * twelve-month report not yet written the six-month report's ordinance figures) and shows the server's
 * message under each field it refuses: which answers are required is the server's rule. The form only
 * reads what was typed as an amount (core/money): text that is not one is said under its field, and the
 * report is sent without it so that the server's answer names everything else missing at the same time.
 * A save outside the reporting window comes back ROUND_CLOSED: the form then shows the server's
 * message and turns read-only. Figures that are allowed but unlikely come back WARNINGS_UNCONFIRMED with
 * the server's list (`warnings`): the page asks the LAO to check them, and `confirm` sends the same report
 * again with them confirmed; `review` goes back to the form instead.
 */
export function useProgressReportForm(onSaved: (target: ReportTarget) => void) {
  const target = shallowRef<ReportTarget | null>(null);
  const form = reactive(blank());
  const errors = useFormErrors(FIELDS);
  /** Whether the form holds the server's starting values for the current target (it is shown only then). */
  const ready = ref(false);
  const prefilledFromSixMonths = ref(false);
  /** The warnings the last save was refused with, waiting for the LAO to confirm them (empty: none). */
  const warnings = ref<ReportWarningNotice[]>([]);
  const { resolveClient } = useApolloClient();
  const { mutate, loading: submitting } = useMutation(SaveProgressReportDocument, {
    // The saved report goes into the project's line at once, from the answer; the list and its figures
    // are then asked for again without holding the form up (a round trip on a slow link).
    update(cache, { data }) {
      const saved = data?.saveProgressReport;
      const current = target.value;
      if (!saved || !current) return;
      const savedRef = cache.writeFragment({ fragment: ProgressReportFieldsFragmentDoc, data: saved });
      const field = current.round === 'SIX_MONTHS' ? 'sixMonths' : 'twelveMonths';
      cache.modify({
        id: cache.identify({ __typename: 'Project', id: current.row.id }),
        fields: {
          // A project's years have no id of their own: they live inside the project.
          years: (years, { readField, isReference }) =>
            (years as readonly object[]).map((y) =>
              !isReference(y) && readField('fiscalYear', y as never) === current.fiscalYear ? { ...y, [field]: savedRef } : y,
            ),
        },
      });
    },
    refetchQueries: ['ReportProjects'],
  });

  const existing = computed(() => (target.value ? target.value.row.reports[target.value.round] : null));
  const budgeted = computed(() => target.value !== null && target.value.row.budget !== null);
  /** The server's message when a save found the round closed. */
  const closedMessage = computed(() => (errors.code === 'ROUND_CLOSED' ? errors.message : ''));

  /** Opens the form on a target: its starting values come from the server, always fresh. */
  async function load(next: ReportTarget): Promise<void> {
    target.value = next;
    ready.value = false;
    prefilledFromSixMonths.value = false;
    warnings.value = [];
    errors.clear();
    Object.assign(form, blank());
    try {
      const { data } = await resolveClient().query({
        query: ReportDraftDocument,
        variables: { projectId: next.row.id, fiscalYear: next.fiscalYear, round: next.round },
        fetchPolicy: 'no-cache',
      });
      // Another project may have been opened meanwhile.
      if (target.value !== next) return;
      Object.assign(form, fromDraft(data.reportDraft));
      prefilledFromSixMonths.value = data.reportDraft.prefilledFromSixMonths;
      ready.value = true;
    } catch (error) {
      if (target.value === next) errors.apply(error);
    }
  }

  /** The amounts as the API takes them; what is not an amount is said under its field and sent as none. */
  function amounts(): { values: Record<MoneyField, string | null>; unreadable: Partial<Record<MoneyField, string>> } {
    const values: Record<MoneyField, string | null> = { ordinanceBudget: null, disbursed: null };
    const unreadable: Partial<Record<MoneyField, string>> = {};
    if (!budgeted.value) return { values, unreadable };
    for (const field of MONEY_FIELDS) {
      const text = form[field].trim();
      values[field] = text ? parseMoney(text) : null;
      if (text && values[field] === null) unreadable[field] = t.reporting.reports.form.moneyInvalid;
    }
    return { values, unreadable };
  }

  /** Sends the form (with the warnings the LAO confirmed, if any); false when the server refused it. */
  async function submit(confirmed: ReportWarning[] = []): Promise<boolean> {
    const current = target.value;
    if (!current || !ready.value) return false;
    errors.clear();
    const { values, unreadable } = amounts();
    const cannotDo = form.status === 'CANNOT_DO';
    try {
      await mutate({
        input: {
          projectId: current.row.id,
          fiscalYear: current.fiscalYear,
          round: current.round,
          inOrdinance: form.inOrdinance ?? null,
          ...values,
          status: form.status ?? null,
          cannotDoReason: cannotDo ? (form.cannotDoReason ?? null) : null,
          cannotDoText: cannotDo && form.cannotDoReason === 'OTHER' ? trimText(form.cannotDoText) || null : null,
          note: trimText(form.note) || null,
          ...(confirmed.length ? { confirmedWarnings: confirmed } : {}),
        },
      });
      warnings.value = [];
      onSaved(current);
      return true;
    } catch (error) {
      const api = errors.apply(error);
      // A question for the LAO rather than an error of the form, asked in its own dialog (which stays open,
      // its button spinning, while a confirmation is on its way).
      warnings.value = api.code === 'WARNINGS_UNCONFIRMED' ? ((api.extensions.warnings ?? []) as ReportWarningNotice[]) : [];
      if (warnings.value.length) {
        errors.clear();
        return false;
      }
      // What was typed but is no amount says so, rather than the server's "required".
      for (const [field, text] of Object.entries(unreadable)) errors.setField(field as MoneyField, text);
      // The window closed while the form was open: the list learns it too.
      if (api.code === 'ROUND_CLOSED') void resolveClient().refetchQueries({ include: ['ReportProjects'] });
      return false;
    }
  }

  /** ยืนยันบันทึก: the same report again, with the warnings it was refused with confirmed. */
  const confirm = (): Promise<boolean> => submit(warnings.value.map((w) => w.code));
  /** กลับไปแก้ไข: back to the form, nothing saved. */
  const review = (): void => {
    warnings.value = [];
  };

  return {
    target,
    form,
    errors,
    ready,
    existing,
    budgeted,
    prefilledFromSixMonths,
    closedMessage,
    submitting,
    warnings,
    load,
    submit,
    confirm,
    review,
  };
}
