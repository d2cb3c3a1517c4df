import { Role } from './role';
import type { User } from '../account/user.entity';

type Actor = Pick<User, 'role' | 'provinceCode'> | null;

/** Who decides an LAO's requests and marks compliance: its province's NACC office, and NACC central. */
export function canReview(user: Actor, lao: { provinceCode: string }): boolean {
  if (!user) return false;
  return user.role === Role.ADMIN || (user.role === Role.PROVINCE_OFFICER && user.provinceCode === lao.provinceCode);
}
