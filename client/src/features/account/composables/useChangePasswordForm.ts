import { reactive, ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { t } from '@/core/i18n';
import { ChangePasswordDocument } from '@/gql/graphql';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/** เปลี่ยนรหัสผ่าน: the current password once, the new one twice. */
export function useChangePasswordForm() {
  const form = reactive({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const errors = useFormErrors(FIELDS);
  const done = ref(false);
  const { mutate, loading: submitting } = useMutation(ChangePasswordDocument);

  async function submit(): Promise<void> {
    errors.clear();
    done.value = false;
    if (!form.currentPassword) errors.setField('currentPassword', t.common.required);
    if (!form.newPassword) errors.setField('newPassword', t.common.required);
    if (form.newPassword !== form.confirmPassword) errors.setField('confirmPassword', t.errors.passwordsDiffer);
    if (!form.currentPassword || !form.newPassword || form.newPassword !== form.confirmPassword) return;
    try {
      await mutate({ currentPassword: form.currentPassword, newPassword: form.newPassword });
      done.value = true;
      form.currentPassword = '';
      form.newPassword = '';
      form.confirmPassword = '';
    } catch (error) {
      errors.apply(error);
    }
  }

  return { form, errors, submitting, done, submit };
}
