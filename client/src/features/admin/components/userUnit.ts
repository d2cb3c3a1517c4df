import { provinceOfficeLabel } from '@/core/places';
import type { AdminUserFragment } from '@/gql/graphql';
import type { RoleOption } from '../composables/useRoleOptions';

/** The unit an account works for, as the users table shows it: its LAO, its province's office, or its role's unit. */
export function userUnit(user: AdminUserFragment, role: RoleOption | undefined): string {
  if (role?.place === 'LAO') return user.lao?.name ?? user.laoCode ?? '';
  if (role?.place === 'PROVINCE') return user.province ? provinceOfficeLabel(user.province) : '';
  return role?.unit ?? '';
}
