import { computed, ref, watch } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { errorMessageOf } from '@/core/errors';
import { UsernameLookupDocument } from '@/gql/graphql';

/** ค้นหาชื่อผู้ใช้งาน: province, then district, then the LAOs of that district and their usernames. */
export function useUsernameLookup() {
  const provinceCode = ref('');
  const districtCode = ref('');
  watch(provinceCode, () => {
    districtCode.value = '';
  });

  const ready = computed(() => provinceCode.value !== '' && districtCode.value !== '');
  const { result, loading, error } = useQuery(
    UsernameLookupDocument,
    () => ({ provinceCode: provinceCode.value, districtCode: districtCode.value }),
    () => ({ enabled: ready.value, fetchPolicy: 'network-only' }),
  );

  return {
    provinceCode,
    districtCode,
    ready,
    accounts: computed(() => (ready.value ? (result.value?.usernameLookup ?? []) : [])),
    loading,
    errorMessage: errorMessageOf(error),
  };
}
