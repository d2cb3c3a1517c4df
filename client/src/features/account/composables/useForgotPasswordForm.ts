import { reactive, ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { t } from '@/features/account/i18n';
import { RequestPasswordResetDocument } from '@/gql/graphql';

const FIELDS = ['username', 'email'] as const;

/** ลืมรหัสผ่าน: username and e-mail; the answer is the same whether or not they matched an account. */
export function useForgotPasswordForm() {
  const form = reactive({ username: '', email: '' });
  const errors = useFormErrors(FIELDS);
  const sent = ref(false);
  const { mutate, loading: submitting } = useMutation(RequestPasswordResetDocument);

  async function submit(): Promise<void> {
    errors.clear();
    const username = form.username.trim();
    const email = form.email.trim();
    if (!username) errors.setField('username', t.login.usernameRequired);
    if (!email) errors.setField('email', t.forgotPassword.emailRequired);
    if (!username || !email) return;
    try {
      await mutate({ username, email });
      sent.value = true;
    } catch (error) {
      errors.apply(error);
    }
  }

  return { form, errors, submitting, sent, submit };
}
