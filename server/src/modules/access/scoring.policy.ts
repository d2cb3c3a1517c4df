import { Role } from './role';
import type { User } from '../account/user.entity';

type Actor = Pick<User, 'role' | 'provinceCode'> | null;

/**
 * Who reads a province's score table (LAO, district, score, level): NACC central and NACC systems, the
 * province's NACC office, and the officers of the province's LAOs, who see where their LAO stands among
 * its neighbours as the old system showed them (PRODUCT.md §1). `ownLaoProvinceCode` is the province an
 * LAO officer's LAO is in now (the registry may have moved it since the account was made).
 */
export function canReadProvinceScores(user: Actor, provinceCode: string, ownLaoProvinceCode: string | null): boolean {
  if (!user) return false;
  switch (user.role) {
    case Role.ADMIN:
    case Role.SERVICE:
      return true;
    case Role.PROVINCE_OFFICER:
      return user.provinceCode === provinceCode;
    case Role.LAO_OFFICER:
      return ownLaoProvinceCode === provinceCode;
  }
}
