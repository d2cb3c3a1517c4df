import { computed, ref, watch, type Ref } from 'vue';
import { t } from '@/features/projects/i18n';
import { PrintActionPlanDocument } from '@/gql/graphql';
import { formatMoney } from '@/core/money';
import { trimText } from '@rules';
import { useLaoYearQuery } from '@/core/lao-year-query';

export interface ActionPlanRow {
  id: string;
  no: number;
  name: string;
  dimension: number;
  budget: string;
  quarters: number[];
  note: string;
}

/**
 * พิมพ์แผนปฏิบัติการป้องกันการทุจริต: the year's plan as the server builds it for the printed one (its rows,
 * numbers, notes and total come from the server as they are), and the links of its PDF and Excel files,
 * which need the issuer's name.
 */
export function usePrintActionPlan(laoCode: Ref<string | null>, fiscalYear: Ref<number | null>) {
  const issuer = ref('');
  const issuerError = ref('');
  watch(issuer, (value) => {
    if (issuerError.value && trimText(value)) issuerError.value = '';
  });

  const { result, loading, errorMessage } = useLaoYearQuery(PrintActionPlanDocument, laoCode, fiscalYear);

  const plan = computed(() => (laoCode.value ? (result.value?.actionPlan ?? null) : null));
  const rows = computed<ActionPlanRow[]>(() =>
    (plan.value?.rows ?? []).map((r) => ({
      id: r.projectId,
      no: r.no,
      name: r.name,
      dimension: r.dimension,
      budget: formatMoney(r.budget),
      quarters: r.quarters,
      note: r.note,
    })),
  );
  const totalBudget = computed(() => formatMoney(plan.value?.totalBudget));
  const projectCount = computed(() => plan.value?.projectCount ?? 0);

  function exportHref(ext: 'pdf' | 'xlsx'): string {
    if (!laoCode.value || fiscalYear.value === null) return '';
    const query = [
      `lao=${encodeURIComponent(laoCode.value)}`,
      `year=${fiscalYear.value}`,
      `issuer=${encodeURIComponent(trimText(issuer.value))}`,
    ];
    return `/export/action-plan.${ext}?${query.join('&')}`;
  }

  /** Before an export: the issuer's name is required (the manual: จำเป็นต้องกรอกก่อนการ Export). */
  function checkIssuer(): boolean {
    issuerError.value = trimText(issuer.value) ? '' : t.planPrint.issuerRequired;
    return issuerError.value === '';
  }

  return {
    laoName: computed(() => (laoCode.value ? (result.value?.lao?.name ?? '') : '')),
    rows,
    totalBudget,
    projectCount,
    loading,
    errorMessage,
    issuer,
    issuerError,
    checkIssuer,
    pdfHref: computed(() => exportHref('pdf')),
    excelHref: computed(() => exportHref('xlsx')),
  };
}
