import { computed, reactive, ref, watch } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { errorMessageOf } from '@/core/errors';
import { UsersDocument, type Role } from '@/gql/graphql';

const PAGE_SIZE = 50;

/** จัดการผู้ใช้งาน: the accounts, filtered by role, province and a search term, newest first. */
export function useUsers() {
  const filters = reactive({ role: '' as Role | '', provinceCode: '', search: '' });
  // Typing in the search box asks the server once the user pauses.
  const search = ref('');
  let pause: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => filters.search,
    (value) => {
      clearTimeout(pause);
      pause = setTimeout(() => (search.value = value.trim()), 300);
    },
  );

  const { result, loading, error, refetch } = useQuery(UsersDocument, () => ({
    role: filters.role || null,
    provinceCode: filters.provinceCode || null,
    search: search.value || null,
  }));

  const users = computed(() => result.value?.users ?? []);
  const page = ref(1);
  watch([() => filters.role, () => filters.provinceCode, search], () => (page.value = 1));
  const pageRows = computed(() => users.value.slice((page.value - 1) * PAGE_SIZE, page.value * PAGE_SIZE));

  return {
    filters,
    users,
    pageRows,
    page,
    pageSize: PAGE_SIZE,
    loading,
    errorMessage: errorMessageOf(error),
    refetch: () => refetch(),
  };
}
