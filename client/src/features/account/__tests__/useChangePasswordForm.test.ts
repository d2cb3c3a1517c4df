import { mountComposable } from '@/core/__tests__/mount-composable';
import { t } from '@/core/i18n';
import { useChangePasswordForm } from '../composables/useChangePasswordForm';

describe('useChangePasswordForm', () => {
  it('asks for the current password and the new one twice before sending anything', async () => {
    const { result, requests } = mountComposable(() => useChangePasswordForm());
    await result.submit();
    expect(result.errors.fields).toEqual({ currentPassword: t.common.required, newPassword: t.common.required });
    expect(result.done.value).toBe(false);
    expect(requests).toEqual([]);
  });

  it('shows a wrong current password under its field', async () => {
    const { result } = mountComposable(() => useChangePasswordForm(), {
      ChangePassword: () => ({
        errors: [
          {
            message: 'ข้อมูลที่กรอกไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง',
            extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'currentPassword', message: 'รหัสผ่านปัจจุบันไม่ถูกต้อง' }] },
          },
        ],
      }),
    });
    Object.assign(result.form, { currentPassword: 'wrong', newPassword: 'Lao@2568x', confirmPassword: 'Lao@2568x' });
    await result.submit();
    expect(result.errors.fields).toEqual({ currentPassword: 'รหัสผ่านปัจจุบันไม่ถูกต้อง' });
    expect(result.done.value).toBe(false);
  });

  it('says it is done and forgets the passwords once the server has changed it', async () => {
    const { result } = mountComposable(() => useChangePasswordForm(), { ChangePassword: () => ({ data: { changePassword: true } }) });
    Object.assign(result.form, { currentPassword: 'Lao@2567', newPassword: 'Lao@2568x', confirmPassword: 'Lao@2568x' });
    await result.submit();
    expect(result.done.value).toBe(true);
    expect(result.form).toEqual({ currentPassword: '', newPassword: '', confirmPassword: '' });
  });
});
