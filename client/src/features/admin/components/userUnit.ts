import { t } from '@/core/i18n';
import { provinceOfficeLabel } from '@/core/places';
import type { AdminUserFragment } from '@/gql/graphql';

/** The unit an account works for, as the users table shows it. */
export function userUnit(user: AdminUserFragment): string {
  if (user.role === 'LAO_OFFICER') return user.lao?.name ?? user.laoCode ?? '';
  if (user.role === 'PROVINCE_OFFICER') return user.province ? provinceOfficeLabel(user.province) : '';
  if (user.role === 'ADMIN') return t.app.centralOffice;
  return t.roles.SERVICE;
}
