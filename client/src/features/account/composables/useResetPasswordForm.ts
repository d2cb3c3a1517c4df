import { computed, ref, type Ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { checkNewPassword, useSubmitForm } from '@/core/form';
import { ResetPasswordDocument } from '@/gql/graphql';

/** ตั้งรหัสผ่านใหม่ from the link of a reset mail: the new password twice. */
export function useResetPasswordForm(token: Ref<string>) {
  const done = ref(false);
  const { mutate, loading: submitting } = useMutation(ResetPasswordDocument);
  const {
    form,
    errors,
    submit: send,
  } = useSubmitForm({
    fields: ['newPassword', 'confirmPassword'] as const,
    blank: () => ({ newPassword: '', confirmPassword: '' }),
    check: checkNewPassword,
    send: (f) => mutate({ token: token.value, newPassword: f.newPassword }),
  });

  async function submit(): Promise<void> {
    done.value = await send();
  }

  return { form, errors, submitting, done, hasToken: computed(() => token.value !== ''), submit };
}
