import { reactive, type Ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { t } from '@/core/i18n';
import { ResetUserPasswordDocument } from '@/gql/graphql';

const FIELDS = ['newPassword', 'confirmPassword'] as const;

/** ตั้งรหัสผ่านใหม่ for an account whose holder cannot reset it by e-mail; its sessions end. */
export function useResetUserPasswordForm(username: Ref<string>) {
  const form = reactive({ newPassword: '', confirmPassword: '' });
  const errors = useFormErrors(FIELDS);
  const { mutate, loading: submitting } = useMutation(ResetUserPasswordDocument);

  function reset(): void {
    form.newPassword = '';
    form.confirmPassword = '';
    errors.clear();
  }

  async function submit(): Promise<boolean> {
    errors.clear();
    if (!form.newPassword) errors.setField('newPassword', t.common.required);
    if (form.newPassword !== form.confirmPassword) errors.setField('confirmPassword', t.errors.passwordsDiffer);
    if (errors.hasFieldErrors()) return false;
    try {
      await mutate({ username: username.value, newPassword: form.newPassword });
      reset();
      return true;
    } catch (error) {
      errors.apply(error);
      return false;
    }
  }

  return { form, errors, submitting, reset, submit };
}
