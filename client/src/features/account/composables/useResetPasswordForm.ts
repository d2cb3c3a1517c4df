import { computed, reactive, ref, type Ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { t } from '@/core/i18n';
import { ResetPasswordDocument } from '@/gql/graphql';

const FIELDS = ['newPassword', 'confirmPassword'] as const;

/** ตั้งรหัสผ่านใหม่ from the link of a reset mail: the new password twice. */
export function useResetPasswordForm(token: Ref<string>) {
  const form = reactive({ newPassword: '', confirmPassword: '' });
  const errors = useFormErrors(FIELDS);
  const done = ref(false);
  const { mutate, loading: submitting } = useMutation(ResetPasswordDocument);

  async function submit(): Promise<void> {
    errors.clear();
    if (!form.newPassword) errors.setField('newPassword', t.common.required);
    if (form.newPassword !== form.confirmPassword) errors.setField('confirmPassword', t.errors.passwordsDiffer);
    if (!form.newPassword || form.newPassword !== form.confirmPassword) return;
    try {
      await mutate({ token: token.value, newPassword: form.newPassword });
      done.value = true;
      form.newPassword = '';
      form.confirmPassword = '';
    } catch (error) {
      errors.apply(error);
    }
  }

  return { form, errors, submitting, done, hasToken: computed(() => token.value !== ''), submit };
}
