import { computed, type Ref } from 'vue';
import { ComplianceProjectsDocument, type ComplianceProjectsQuery, type PlanStatus } from '@/gql/graphql';
import { useLaoYearQuery } from '@/core/lao-year-query';

/** A project with its standing in the chosen year. */
export interface ComplianceRow {
  id: string;
  seq: number;
  name: string;
  dimension: number;
  fiscalYear: number;
  planStatus: PlanStatus;
  reviewReason: string | null;
  canReview: boolean;
}

type Project = ComplianceProjectsQuery['projects'][number];

/** ความสอดคล้องของโครงการ: the LAO's projects of one fiscal year with their standing in it. */
export function useComplianceProjects(laoCode: Ref<string | null>, fiscalYear: Ref<number | null>) {
  const { result, loading, errorMessage } = useLaoYearQuery(ComplianceProjectsDocument, laoCode, fiscalYear);
  const rows = computed<ComplianceRow[]>(() => {
    if (!laoCode.value || fiscalYear.value === null) return [];
    return (result.value?.projects ?? []).flatMap((p: Project) => {
      const y = p.years.find((year) => year.fiscalYear === fiscalYear.value);
      return y ? [{ id: p.id, seq: p.seq, name: p.name, dimension: p.dimension, ...y }] : [];
    });
  });
  return { rows, loading, errorMessage };
}
