import { computed, type Ref } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { errorMessageOf } from '@/core/errors';
import { ProjectForEditDocument, type EditableProjectFragment } from '@/gql/graphql';

/** The project an edit page shows, always as the server has it now (its version is what a save sends back). */
export function useProjectForEdit(id: Ref<string>) {
  const { result, loading, error, refetch } = useQuery(ProjectForEditDocument, () => ({ id: id.value }), { fetchPolicy: 'network-only' });
  const project = computed(() => result.value?.project ?? null);

  /** Reads the project again (after a CONFLICT) and returns the latest. */
  async function reload(): Promise<EditableProjectFragment | null> {
    const res = await refetch();
    return res?.data.project ?? null;
  }

  return {
    project,
    loading,
    errorMessage: errorMessageOf(error),
    notFound: computed(() => !loading.value && !error.value && result.value !== undefined && !result.value.project),
    reload,
  };
}
