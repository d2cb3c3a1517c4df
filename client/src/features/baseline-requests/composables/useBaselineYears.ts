import { computed, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { errorMessageOf } from '@/core/errors';
import { BaselineYearsDocument, type BaselineYearsQuery } from '@/gql/graphql';

export type BaselineYearRow = BaselineYearsQuery['baselineYears'][number];

/** The standing a row shows: ปกติ when no request is pending or rejected. */
export type BaselineStanding = 'NORMAL' | 'PENDING' | 'REJECTED';

export function standingOf(row: BaselineYearRow): BaselineStanding {
  return row.standing === 'PENDING' || row.standing === 'REJECTED' ? row.standing : 'NORMAL';
}

/** ขอเพิ่ม/ลดโครงการ: each fiscal year of the LAO with its baseline, created count, standing and latest request. */
export function useBaselineYears(laoCode: Ref<string | null>) {
  const { result, loading, error } = useQuery(
    BaselineYearsDocument,
    () => ({ laoCode: laoCode.value ?? '' }),
    () => ({ enabled: laoCode.value !== null }),
  );
  return {
    years: computed<BaselineYearRow[]>(() => (laoCode.value ? (result.value?.baselineYears ?? []) : [])),
    loading,
    errorMessage: errorMessageOf(error),
  };
}
