import { computed } from 'vue';
import { useQuery } from '@vue/apollo-composable';
import { RoleOptionsDocument, type Role, type RoleOptionsQuery } from '@/gql/graphql';

export type RoleOption = RoleOptionsQuery['roleOptions'][number];

/**
 * The roles an ADMIN may give an account, from the server: their Thai names, what an account of each
 * belongs to (an LAO, a province, neither) and how it signs in (a password or API tokens). The account
 * forms and the accounts table are built from them, so a new role needs nothing here.
 */
export function useRoleOptions() {
  const { result } = useQuery(RoleOptionsDocument);
  const options = computed<RoleOption[]>(() => result.value?.roleOptions ?? []);
  const byRole = computed(() => new Map(options.value.map((o) => [o.role, o])));
  const optionOf = (role: Role | '' | null | undefined): RoleOption | undefined => (role ? byRole.value.get(role) : undefined);
  return { options, optionOf };
}
