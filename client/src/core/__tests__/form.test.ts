import { useMutation } from '@vue/apollo-composable';
import { ResetUserPasswordDocument } from '@/gql/graphql';
import { checkNewPassword, useSubmitForm } from '../form';
import { t } from '../i18n';
import { mountComposable, type Answer } from './mount-composable';

function mountForm(answer: () => Answer) {
  return mountComposable(
    () => {
      const { mutate } = useMutation(ResetUserPasswordDocument);
      return useSubmitForm({
        fields: ['newPassword', 'confirmPassword'] as const,
        blank: () => ({ newPassword: '', confirmPassword: '' }),
        check: checkNewPassword,
        send: (f) => mutate({ username: '6800707', newPassword: f.newPassword }),
      });
    },
    { ResetUserPassword: answer },
  );
}

describe('useSubmitForm', () => {
  it('sends nothing while its own checks fail, and says why under the fields', async () => {
    const { result, requests } = mountForm(() => ({ data: { resetUserPassword: true } }));
    result.form.newPassword = 'Lao@2568x';
    result.form.confirmPassword = 'Lao@2568y';
    expect(await result.submit()).toBe(false);
    expect(result.errors.fields).toEqual({ confirmPassword: t.errors.passwordsDiffer });
    expect(requests).toEqual([]);
  });

  it('sends the form, then empties it', async () => {
    const { result, requests } = mountForm(() => ({ data: { resetUserPassword: true } }));
    Object.assign(result.form, { newPassword: 'Lao@2568x', confirmPassword: 'Lao@2568x' });
    expect(await result.submit()).toBe(true);
    expect(requests).toEqual([{ operation: 'ResetUserPassword', variables: { username: '6800707', newPassword: 'Lao@2568x' } }]);
    expect(result.form).toEqual({ newPassword: '', confirmPassword: '' });
    expect(result.errors.message).toBe('');
  });

  it('keeps what was typed when the server refuses it, with the server’s message under the field', async () => {
    const { result } = mountForm(() => ({
      errors: [
        {
          message: 'ข้อมูลที่กรอกไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง',
          extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'newPassword', message: 'รหัสผ่านต้องมีตัวเลขอย่างน้อย 1 ตัว' }] },
        },
      ],
    }));
    Object.assign(result.form, { newPassword: 'Password', confirmPassword: 'Password' });
    expect(await result.submit()).toBe(false);
    expect(result.errors.fields).toEqual({ newPassword: 'รหัสผ่านต้องมีตัวเลขอย่างน้อย 1 ตัว' });
    expect(result.form.newPassword).toBe('Password');
    result.reset();
    expect(result.form.newPassword).toBe('');
    expect(result.errors.fields).toEqual({});
  });
});
