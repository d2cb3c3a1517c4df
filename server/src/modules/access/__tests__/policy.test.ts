import { Role } from '../role';
import { allow, NOWHERE, Permission, permissionsOf, POLICY, provinceWithin, PUBLIC_POLICY, scopeOf } from '../policy';

const lao = { laoCode: '6800707', provinceCode: '80' };
const actor = (role: Role, laoCode: string | null = null, provinceCode: string | null = null) => ({ role, laoCode, provinceCode });
const refusal = () => new Error('refused');

describe('the policy table', () => {
  it('names every role, and every permission is held by someone (a role, or everyone)', () => {
    expect(Object.keys(POLICY).sort()).toEqual(Object.values(Role).sort());
    for (const p of Object.values(Permission))
      expect([p, Object.values(Role).some((r) => POLICY[r][p]) || Boolean(PUBLIC_POLICY[p])]).toEqual([p, true]);
  });

  it.each([
    ['its own officer', actor(Role.LAO_OFFICER, '6800707', '80'), true, true, false],
    ['an officer of another LAO in the same province', actor(Role.LAO_OFFICER, '6800708', '80'), false, false, false],
    ['the province office', actor(Role.PROVINCE_OFFICER, null, '80'), true, false, true],
    ['another province office', actor(Role.PROVINCE_OFFICER, null, '81'), false, false, false],
    ['NACC central (reads; acts through reviews and settings)', actor(Role.ADMIN), true, false, true],
    ['another NACC system', actor(Role.SERVICE), true, false, false],
    ['nobody signed in', null, false, false, false],
  ])('on an LAO, %s: read %s, edit %s, review %s', (_who, user, read, edit, review) => {
    expect(allow(user, Permission.READ_LAO, lao)).toBe(read);
    expect(allow(user, Permission.EDIT_LAO, lao)).toBe(edit);
    expect(allow(user, Permission.REVIEW, lao)).toBe(review);
  });

  it.each([
    ['an officer of an LAO of the province', actor(Role.LAO_OFFICER, '6800707', '80'), true],
    ['an officer of an LAO of another province', actor(Role.LAO_OFFICER, '6900101', '81'), false],
    ['the province office', actor(Role.PROVINCE_OFFICER, null, '80'), true],
    ['another province office', actor(Role.PROVINCE_OFFICER, null, '81'), false],
    ['NACC central', actor(Role.ADMIN), true],
    ['another NACC system', actor(Role.SERVICE), true],
    ['nobody signed in', null, false],
  ])('a province’s score table, %s: %s', (_who, user, allowed) => {
    expect(allow(user, Permission.READ_PROVINCE_SCORES, { provinceCode: '80' })).toBe(allowed);
  });

  it('changes nothing as another NACC system but its own webhooks; everyone else may write', () => {
    expect(Object.values(Role).filter((r) => allow(actor(r), Permission.WRITE))).toEqual([
      Role.LAO_OFFICER,
      Role.PROVINCE_OFFICER,
      Role.ADMIN,
    ]);
    expect(permissionsOf(actor(Role.SERVICE))).toEqual([
      Permission.READ_LAO,
      Permission.READ_REVIEWS,
      Permission.READ_PROVINCE_SCORES,
      Permission.READ_NATIONAL_SCORES,
      Permission.SUBSCRIBE,
      Permission.READ_PUBLISHED,
    ]);
    expect(Object.values(Role).filter((r) => allow(actor(r), Permission.SUBSCRIBE))).toEqual([Role.ADMIN, Role.SERVICE]);
    expect(permissionsOf(null)).toEqual([]);
  });

  it('limits lists to the own LAO, the own province, or none of the country', () => {
    expect(scopeOf(actor(Role.LAO_OFFICER, '6800707', '80'), Permission.READ_LAO)).toEqual({ laoCode: '6800707', provinceCode: '80' });
    expect(scopeOf(actor(Role.PROVINCE_OFFICER, null, '81'), Permission.READ_LAO)).toEqual({ laoCode: null, provinceCode: '81' });
    expect(scopeOf(actor(Role.ADMIN), Permission.READ_AUDIT)).toEqual({ laoCode: null, provinceCode: null });
    expect(scopeOf(actor(Role.SERVICE), Permission.READ_AUDIT)).toBeNull();
    expect(scopeOf(null, Permission.READ_LAO)).toBeNull();
  });

  it('limits an officer whose account names no LAO or province to none, never to the whole country', () => {
    expect(scopeOf(actor(Role.PROVINCE_OFFICER), Permission.READ_LAO)).toEqual({ laoCode: null, provinceCode: NOWHERE });
    expect(scopeOf(actor(Role.LAO_OFFICER), Permission.READ_LAO)).toEqual({ laoCode: NOWHERE, provinceCode: NOWHERE });
    expect(allow(actor(Role.PROVINCE_OFFICER), Permission.READ_LAO, { laoCode: '6800707', provinceCode: NOWHERE })).toBe(false);
    expect(allow(actor(Role.LAO_OFFICER), Permission.EDIT_LAO, { provinceCode: '80' })).toBe(false);
  });

  it('a province asked for must be within the scope; a nationwide scope takes the one asked', () => {
    expect(provinceWithin({ laoCode: null, provinceCode: '80' }, null, refusal)).toBe('80');
    expect(provinceWithin({ laoCode: null, provinceCode: '80' }, '80', refusal)).toBe('80');
    expect(() => provinceWithin({ laoCode: null, provinceCode: '80' }, '81', refusal)).toThrow('refused');
    expect(provinceWithin({ laoCode: null, provinceCode: null }, '81', refusal)).toBe('81');
    expect(provinceWithin({ laoCode: null, provinceCode: null }, undefined, refusal)).toBeNull();
  });
});
