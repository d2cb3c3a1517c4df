import { useMutation } from '@vue/apollo-composable';
import { ChangePasswordDocument } from '@/gql/graphql';
import { useFormErrors } from '../errors';
import { t } from '../i18n';
import { mountComposable, type Answer } from './mount-composable';

/** A form of three fields that sends one mutation and shows what the server said, as every form does. */
function mountForm(answer: () => Answer) {
  return mountComposable(
    () => {
      const errors = useFormErrors(['currentPassword', 'newPassword', 'confirmPassword'] as const);
      const { mutate } = useMutation(ChangePasswordDocument);
      async function submit(): Promise<void> {
        try {
          await mutate({ currentPassword: 'old-Pass1', newPassword: 'new-Pass1' });
        } catch (error) {
          errors.apply(error);
        }
      }
      return { errors, submit };
    },
    { ChangePassword: answer },
  );
}

const badInput = (fields: Array<{ field: string; message: string }>): Answer => ({
  errors: [{ message: 'ข้อมูลที่กรอกไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง', extensions: { code: 'BAD_USER_INPUT', fields } }],
});

describe('the server’s errors on a form', () => {
  it('puts each field message under its field, matched by the field’s name (the `input.` prefix dropped)', async () => {
    const { result } = mountForm(() => badInput([{ field: 'input.newPassword', message: 'รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร' }]));
    await result.submit();
    expect(result.errors.code).toBe('BAD_USER_INPUT');
    expect(result.errors.fields).toEqual({ newPassword: 'รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร' });
    expect(result.errors.message).toBe('');
  });

  it('says for the whole form what no field of it can show, so nothing the server said is lost', async () => {
    const { result } = mountForm(() =>
      badInput([
        { field: 'currentPassword', message: 'รหัสผ่านปัจจุบันไม่ถูกต้อง' },
        { field: 'input.username', message: 'ไม่พบชื่อผู้ใช้งาน' },
      ]),
    );
    await result.submit();
    expect(result.errors.fields).toEqual({ currentPassword: 'รหัสผ่านปัจจุบันไม่ถูกต้อง' });
    expect(result.errors.message).toBe('ไม่พบชื่อผู้ใช้งาน');
  });

  it('shows the server’s message when none of its fields is on the form', async () => {
    const { result } = mountForm(() => badInput([{ field: 'input.username', message: 'ไม่พบชื่อผู้ใช้งาน' }]));
    await result.submit();
    expect(result.errors.fields).toEqual({});
    expect(result.errors.message).toBe('ข้อมูลที่กรอกไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง');
  });

  it('keeps the code of a refusal, with its Thai message', async () => {
    const { result } = mountForm(() => ({
      errors: [{ message: 'บัญชีผู้ใช้งานถูกล็อกชั่วคราว', extensions: { code: 'LOCKED', retryAfterSeconds: 300 } }],
    }));
    await result.submit();
    expect(result.errors.code).toBe('LOCKED');
    expect(result.errors.message).toBe('บัญชีผู้ใช้งานถูกล็อกชั่วคราว');
  });

  it('says the server could not be reached when no answer came', async () => {
    const { result } = mountForm(() => {
      throw new Error('connection refused');
    });
    await result.submit();
    expect(result.errors.code).toBe('NETWORK');
    expect(result.errors.message).toBe(t.errors.network);
  });

  it('clears what it showed before on the next answer', async () => {
    let answer = badInput([{ field: 'newPassword', message: 'รหัสผ่านสั้นเกินไป' }]);
    const { result } = mountForm(() => answer);
    await result.submit();
    expect(result.errors.fields.newPassword).toBe('รหัสผ่านสั้นเกินไป');
    answer = { errors: [{ message: 'ท่านไม่มีสิทธิ์ทำรายการนี้', extensions: { code: 'FORBIDDEN' } }] };
    await result.submit();
    expect(result.errors.fields).toEqual({});
    expect(result.errors.message).toBe('ท่านไม่มีสิทธิ์ทำรายการนี้');
  });
});
