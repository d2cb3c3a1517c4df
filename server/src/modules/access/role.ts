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

export const ROLE_TH: Record<Role, string> = {
  LAO_OFFICER: 'เจ้าหน้าที่ อปท.',
  PROVINCE_OFFICER: 'เจ้าหน้าที่สำนักงาน ป.ป.ช. ประจำจังหวัด',
  ADMIN: 'ผู้ดูแลระบบ (สำนักพัฒนาและส่งเสริมธรรมาภิบาล)',
  SERVICE: 'ระบบงานอื่นของสำนักงาน ป.ป.ช.',
};
