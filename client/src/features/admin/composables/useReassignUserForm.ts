import { reactive, type Ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { t } from '@/core/i18n';
import { ReassignUserDocument } from '@/gql/graphql';
import { trimText } from '@/core/text';

const FIELDS = ['displayName', 'email', 'newPassword', 'confirmPassword'] as const;

/** Staff transfer (โอนย้ายบุคลากร): the account passes to a new officer with a new e-mail and password. */
export function useReassignUserForm(username: Ref<string>) {
  const form = reactive({ displayName: '', email: '', newPassword: '', confirmPassword: '' });
  const errors = useFormErrors(FIELDS);
  const { mutate, loading: submitting } = useMutation(ReassignUserDocument);

  function reset(): void {
    Object.assign(form, { displayName: '', email: '', newPassword: '', confirmPassword: '' });
    errors.clear();
  }

  async function submit(): Promise<boolean> {
    errors.clear();
    if (!trimText(form.displayName)) errors.setField('displayName', t.common.required);
    if (!form.newPassword) errors.setField('newPassword', t.common.required);
    if (form.newPassword !== form.confirmPassword) errors.setField('confirmPassword', t.errors.passwordsDiffer);
    if (errors.hasFieldErrors()) return false;
    try {
      await mutate({
        username: username.value,
        input: { displayName: trimText(form.displayName), email: form.email.trim() || null, newPassword: form.newPassword },
      });
      reset();
      return true;
    } catch (error) {
      errors.apply(error);
      return false;
    }
  }

  return { form, errors, submitting, reset, submit };
}
