import { Role } from '../role';
import { canEditLao, canReadLao, NO_PROVINCE, provinceScope } from '../lao.policy';

const lao = { code: '6800707', provinceCode: '80' };
const actor = (role: Role, laoCode: string | null = null, provinceCode: string | null = null) => ({ role, laoCode, provinceCode });

describe('LAO policies', () => {
  it.each([
    ['its own officer', actor(Role.LAO_OFFICER, '6800707', '80'), true, true],
    ['an officer of another LAO in the same province', actor(Role.LAO_OFFICER, '6800708', '80'), false, false],
    ['the province office', actor(Role.PROVINCE_OFFICER, null, '80'), true, false],
    ['another province office', actor(Role.PROVINCE_OFFICER, null, '81'), false, false],
    ['NACC central (reads; acts through reviews and settings)', actor(Role.ADMIN), true, false],
    ['another NACC system', actor(Role.SERVICE), true, false],
    ['nobody signed in', null, false, false],
  ])('%s: read %s, edit %s', (_who, user, read, edit) => {
    expect(canReadLao(user, lao)).toBe(read);
    expect(canEditLao(user, lao)).toBe(edit);
  });

  it('limits lists to the province of province and LAO officers, nationwide otherwise', () => {
    expect(provinceScope(actor(Role.PROVINCE_OFFICER, null, '81'))).toBe('81');
    expect(provinceScope(actor(Role.LAO_OFFICER, '6800707', '80'))).toBe('80');
    expect(provinceScope(actor(Role.ADMIN))).toBeNull();
    expect(provinceScope(actor(Role.SERVICE))).toBeNull();
  });

  it('limits an officer whose account names no province to none, never to the whole country', () => {
    expect(provinceScope(actor(Role.PROVINCE_OFFICER))).toBe(NO_PROVINCE);
    expect(provinceScope(actor(Role.LAO_OFFICER, '6800707'))).toBe(NO_PROVINCE);
    expect(canReadLao(actor(Role.PROVINCE_OFFICER), { code: '6800707', provinceCode: NO_PROVINCE })).toBe(false);
  });
});
