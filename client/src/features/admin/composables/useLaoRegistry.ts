import { computed, ref, watch } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { errorMessageOf } from '@/core/errors';
import { RegistryLaosDocument } from '@/gql/graphql';

/** ทะเบียน อปท.: the LAOs of a province (optionally one district), by district then name. */
export function useLaoRegistry() {
  const provinceCode = ref('');
  const districtCode = ref('');
  watch(provinceCode, () => (districtCode.value = ''));

  const { result, loading, error, refetch } = useQuery(
    RegistryLaosDocument,
    () => ({ provinceCode: provinceCode.value, districtCode: districtCode.value || null }),
    () => ({ enabled: provinceCode.value !== '' }),
  );

  return {
    provinceCode,
    districtCode,
    laos: computed(() => (provinceCode.value ? (result.value?.laos ?? []) : [])),
    loading,
    errorMessage: errorMessageOf(error),
    refetch: () => refetch(),
  };
}
