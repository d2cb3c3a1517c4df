import { computed, type Ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { CreateProjectDocument, UpdateProjectDocument, type EditableProjectFragment, type ProjectInput } from '@/gql/graphql';

/**
 * Writes a project: an update of the version that was read when editing (a stale one is refused with
 * CONFLICT and nothing is written), else a new project of the LAO. Throws what the server said.
 */
export function useSaveProject(project: Ref<EditableProjectFragment | null>, laoCode: Ref<string | null>) {
  const { mutate: create, loading: creating } = useMutation(CreateProjectDocument, { refetchQueries: ['ProjectList'] });
  const { mutate: update, loading: updating } = useMutation(UpdateProjectDocument, { refetchQueries: ['ProjectList'] });

  async function write(input: ProjectInput): Promise<EditableProjectFragment | null> {
    const current = project.value;
    if (current) return (await update({ id: current.id, version: current.version, input }))?.data?.updateProject ?? null;
    if (laoCode.value) return (await create({ laoCode: laoCode.value, input }))?.data?.createProject ?? null;
    return null;
  }

  return { write, saving: computed(() => creating.value || updating.value) };
}
