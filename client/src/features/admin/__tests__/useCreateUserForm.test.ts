import { mountComposable, settle } from '@/core/__tests__/mount-composable';
import { useCreateUserForm } from '../composables/useCreateUserForm';

const option = (role: string, place: string, credential: string) => ({
  __typename: 'RoleOption',
  role,
  label: `ชื่อ ${role}`,
  shortLabel: role,
  place,
  credential,
  unit: null,
});
/** Roles as the server publishes them: the form knows none of them itself. */
const roleOptions = [
  option('LAO_OFFICER', 'LAO', 'PASSWORD'),
  option('SERVICE', 'NONE', 'API_TOKEN'),
  option('PROVINCE_OFFICER', 'PROVINCE', 'PASSWORD'),
];

describe('useCreateUserForm', () => {
  it('offers the server’s roles, starts on the first, and asks for what the chosen one needs', async () => {
    const { result, requests } = mountComposable(() => useCreateUserForm(() => undefined), {
      RoleOptions: () => ({ data: { roleOptions } }),
      CreateUser: () => ({ errors: [{ message: 'มีชื่อผู้ใช้งานนี้ในระบบแล้ว', extensions: { code: 'BAD_USER_INPUT' } }] }),
    });
    await settle();
    expect(result.roleOptions.value.map((o) => o.role)).toEqual(['LAO_OFFICER', 'SERVICE', 'PROVINCE_OFFICER']);
    expect(result.form.role).toBe('LAO_OFFICER');
    expect([result.needsLao.value, result.needsProvince.value, result.needsPassword.value]).toEqual([true, false, true]);

    result.form.role = 'PROVINCE_OFFICER';
    expect([result.needsLao.value, result.needsProvince.value, result.needsPassword.value]).toEqual([false, true, true]);

    // An account that signs in with API tokens: no password and no place is sent, whatever was typed.
    Object.assign(result.form, {
      role: 'SERVICE',
      username: 'svc',
      laoCode: '6800707',
      provinceCode: '80',
      password: 'x',
      confirmPassword: 'y',
    });
    expect([result.needsLao.value, result.needsProvince.value, result.needsPassword.value]).toEqual([false, false, false]);
    await result.submit();
    expect(requests.find((r) => r.operation === 'CreateUser')?.variables.input).toEqual({
      role: 'SERVICE',
      username: 'svc',
      displayName: null,
      email: null,
      password: null,
      laoCode: null,
      provinceCode: null,
    });
  });
});
