import { registerEnumType } from 'type-graphql';

export enum Role {
  LAO_OFFICER = 'LAO_OFFICER',
  PROVINCE_OFFICER = 'PROVINCE_OFFICER',
  ADMIN = 'ADMIN',
  SERVICE = 'SERVICE',
}
registerEnumType(Role, {
  name: 'Role',
  description:
    'LAO_OFFICER: one LAO · PROVINCE_OFFICER: a provincial NACC office · ADMIN: NACC central · SERVICE: another NACC system (read-only API)',
});

/** The place an account of a role belongs to, which creating one asks for. */
export enum RolePlace {
  LAO = 'LAO',
  PROVINCE = 'PROVINCE',
  NONE = 'NONE',
}
registerEnumType(RolePlace, { name: 'RolePlace', description: 'What an account of a role belongs to: an LAO, a province, or neither' });

/** How an account of a role proves who it is. */
export enum RoleCredential {
  PASSWORD = 'PASSWORD',
  API_TOKEN = 'API_TOKEN',
}
registerEnumType(RoleCredential, {
  name: 'RoleCredential',
  description: 'How an account of a role signs in: a password (people) or API tokens (other systems)',
});

export interface RoleTraits {
  /** Its name in the ADMIN's forms and on the home page. */
  label: string;
  /** Its name in narrow table columns. */
  shortLabel: string;
  place: RolePlace;
  credential: RoleCredential;
  /** The unit an account of a role without a place works for, as the accounts table shows it. */
  unit: string | null;
}

/**
 * What each role is, besides what it may do (policy.ts): its Thai names, what its accounts belong to and
 * how they sign in. Creating an account checks by it and the ADMIN's forms are built from it, so adding
 * a role = the enum, its row here, its row of the policy, its menu entry.
 */
export const ROLE_TRAITS: Record<Role, RoleTraits> = {
  [Role.LAO_OFFICER]: {
    label: 'เจ้าหน้าที่ อปท.',
    shortLabel: 'อปท.',
    place: RolePlace.LAO,
    credential: RoleCredential.PASSWORD,
    unit: null,
  },
  [Role.PROVINCE_OFFICER]: {
    label: 'เจ้าหน้าที่ สำนักงาน ป.ป.ช. ประจำจังหวัด',
    shortLabel: 'ป.ป.ช. จังหวัด',
    place: RolePlace.PROVINCE,
    credential: RoleCredential.PASSWORD,
    unit: null,
  },
  [Role.ADMIN]: {
    label: 'ผู้ดูแลระบบ (ส่วนกลาง)',
    shortLabel: 'ผู้ดูแลระบบ',
    place: RolePlace.NONE,
    credential: RoleCredential.PASSWORD,
    unit: 'สำนักพัฒนาและส่งเสริมธรรมาภิบาล',
  },
  [Role.SERVICE]: {
    label: 'ระบบงานภายนอก (API)',
    shortLabel: 'ระบบงานภายนอก',
    place: RolePlace.NONE,
    credential: RoleCredential.API_TOKEN,
    unit: 'ระบบงานภายนอก (API)',
  },
};

export const placeOfRole = (role: Role): RolePlace => ROLE_TRAITS[role].place;
export const signsInWithPassword = (role: Role): boolean => ROLE_TRAITS[role].credential === RoleCredential.PASSWORD;

/** The role names import files use (ผู้ใช้งาน.xlsx), kept as files written for them say them. */
export const ROLE_TH: Record<Role, string> = {
  LAO_OFFICER: 'เจ้าหน้าที่ อปท.',
  PROVINCE_OFFICER: 'เจ้าหน้าที่สำนักงาน ป.ป.ช. ประจำจังหวัด',
  ADMIN: 'ผู้ดูแลระบบ (สำนักพัฒนาและส่งเสริมธรรมาภิบาล)',
  SERVICE: 'ระบบงานอื่นของสำนักงาน ป.ป.ช.',
};
