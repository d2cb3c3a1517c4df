import { computed, ref, watch, type Ref } from 'vue';
import { t } from '@/core/i18n';
import { PrintActionPlanDocument, type PlanStatus } from '@/gql/graphql';
import { formatMoney, formatSatang, satangOf } from '@/core/money';
import { trimText } from '@/core/text';
import { useLaoYearQuery } from '@/core/lao-year-query';

/** Standings that take a project out of the year's plan (dropped, or an addition NACC refused). */
const NOT_IN_PLAN: PlanStatus[] = ['REDUCED', 'ADD_REJECTED'];

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
 * พิมพ์แผนปฏิบัติการป้องกันการทุจริต: the year's plan as the printed one lists it (every project of the
 * year except those dropped or refused, a standing other than สอดคล้อง written in the note), and the
 * links of its PDF and Excel files, which need the issuer's name.
 */
export function usePrintActionPlan(laoCode: Ref<string | null>, fiscalYear: Ref<number | null>) {
  const issuer = ref('');
  const issuerError = ref('');
  watch(issuer, (value) => {
    if (issuerError.value && trimText(value)) issuerError.value = '';
  });

  const { result, loading, errorMessage } = useLaoYearQuery(PrintActionPlanDocument, laoCode, fiscalYear);

  const rows = computed<ActionPlanRow[]>(() => {
    const year = fiscalYear.value;
    if (!laoCode.value || !result.value) return [];
    return result.value.projects
      .map((p) => ({ p, status: p.years.find((y) => y.fiscalYear === year)?.planStatus }))
      .filter(({ status }) => status !== undefined && !NOT_IN_PLAN.includes(status))
      .map(({ p, status }, i) => ({
        id: p.id,
        no: i + 1,
        name: p.name,
        dimension: p.dimension,
        budget: formatMoney(p.budget),
        quarters: p.quarters,
        note: [p.note ?? '', status && status !== 'COMPLIANT' ? `(${t.projects.planStatus[status]})` : ''].filter(Boolean).join(' '),
      }));
  });
  const totalBudget = computed(() => {
    const year = fiscalYear.value;
    const inPlan = (result.value?.projects ?? []).filter((p) => {
      const status = p.years.find((y) => y.fiscalYear === year)?.planStatus;
      return status !== undefined && !NOT_IN_PLAN.includes(status);
    });
    return formatSatang(inPlan.reduce((sum, p) => sum + satangOf(p.budget), 0));
  });

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
    loading,
    errorMessage,
    issuer,
    issuerError,
    checkIssuer,
    pdfHref: computed(() => exportHref('pdf')),
    excelHref: computed(() => exportHref('xlsx')),
  };
}
