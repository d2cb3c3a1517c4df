import { computed, ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { useAuth } from '@/core/auth';
import { errorMessageOf } from '@/core/errors';
import { ProvinceLaosDocument } from '@/gql/graphql';

/** ข้อมูล อปท. ในจังหวัด: the LAOs of the officer's own province, optionally of one district. */
export function useProvinceLaos() {
  const { user } = useAuth();
  const provinceCode = computed(() => user.value?.provinceCode ?? '');
  const districtCode = ref('');
  const { result, loading, error } = useQuery(
    ProvinceLaosDocument,
    () => ({ provinceCode: provinceCode.value, districtCode: districtCode.value || null }),
    () => ({ enabled: provinceCode.value !== '' }),
  );
  return {
    provinceCode,
    districtCode,
    laos: computed(() => result.value?.laos ?? []),
    loading,
    errorMessage: errorMessageOf(error),
  };
}
