import { computed, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { DistrictsDocument, ProvincesDocument } from '@/gql/graphql';

/** The 77 provinces, in Thai alphabetical order (reference data: fetched once per visit). */
export function useProvinces() {
  const { result, loading } = useQuery(ProvincesDocument, null, { fetchPolicy: 'cache-first' });
  return { provinces: computed(() => result.value?.provinces ?? []), loading };
}

/** The districts of the chosen province; none until a province is chosen. */
export function useDistricts(provinceCode: Ref<string>) {
  const { result, loading } = useQuery(
    DistrictsDocument,
    () => ({ provinceCode: provinceCode.value }),
    () => ({ enabled: provinceCode.value !== '', fetchPolicy: 'cache-first' }),
  );
  const districts = computed(() =>
    provinceCode.value && result.value?.districts[0]?.provinceCode === provinceCode.value ? result.value.districts : [],
  );
  return { districts, loading };
}
