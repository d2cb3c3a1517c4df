import { Role } from './role';
import type { User } from '../account/user.entity';

type LaoRef = { code: string; provinceCode: string };
type Actor = Pick<User, 'role' | 'laoCode' | 'provinceCode'> | null;

/** Who may read an LAO's data: its own officers, its province's NACC office, NACC central and NACC systems. */
export function canReadLao(user: Actor, lao: LaoRef): boolean {
  if (!user) return false;
  switch (user.role) {
    case Role.ADMIN:
    case Role.SERVICE:
      return true;
    case Role.PROVINCE_OFFICER:
      return user.provinceCode === lao.provinceCode;
    case Role.LAO_OFFICER:
      return user.laoCode === lao.code;
  }
}

/**
 * Who may change an LAO's own data (basic data, projects, reports, requests): its own officers only.
 * NACC — its province office and central — reads them, and acts through reviews and settings.
 */
export function canEditLao(user: Actor, lao: LaoRef): boolean {
  return user?.role === Role.LAO_OFFICER && user.laoCode === lao.code;
}

/** The scope of an officer whose account names no province: it matches none, so it never widens to the nation. */
export const NO_PROVINCE = '-';

/** The province a user's lists are limited to: null means nationwide. */
export function provinceScope(user: NonNullable<Actor>): string | null {
  return user.role === Role.ADMIN || user.role === Role.SERVICE ? null : (user.provinceCode ?? NO_PROVINCE);
}
