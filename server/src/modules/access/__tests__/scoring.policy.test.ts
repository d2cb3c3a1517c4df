import { Role } from '../role';
import { canReadProvinceScores } from '../scoring.policy';

const actor = (role: Role, provinceCode: string | null = null) => ({ role, provinceCode });

describe('who reads a province’s score table', () => {
  it.each([
    ['an officer of an LAO of the province', actor(Role.LAO_OFFICER, '80'), '80', true],
    ['an officer of an LAO of another province', actor(Role.LAO_OFFICER, '81'), '81', false],
    ['an officer whose LAO the registry moved into the province', actor(Role.LAO_OFFICER, '81'), '80', true],
    ['an officer whose LAO the registry moved out of the province', actor(Role.LAO_OFFICER, '80'), '81', false],
    ['the province office', actor(Role.PROVINCE_OFFICER, '80'), null, true],
    ['another province office', actor(Role.PROVINCE_OFFICER, '81'), null, false],
    ['NACC central', actor(Role.ADMIN), null, true],
    ['another NACC system', actor(Role.SERVICE), null, true],
  ])('%s: %s', (_who, user, ownLaoProvince, allowed) => {
    expect(canReadProvinceScores(user, '80', ownLaoProvince)).toBe(allowed);
  });

  it('nobody signed out', () => {
    expect(canReadProvinceScores(null, '80', null)).toBe(false);
  });
});
