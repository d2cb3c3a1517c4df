import type { Ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { checkNewPassword, useSubmitForm } from '@/core/form';
import { ResetUserPasswordDocument } from '@/gql/graphql';

/** ตั้งรหัสผ่านใหม่ for an account whose holder cannot reset it by e-mail; its sessions end. */
export function useResetUserPasswordForm(username: Ref<string>) {
  const { mutate, loading: submitting } = useMutation(ResetUserPasswordDocument);
  const { form, errors, reset, submit } = useSubmitForm({
    fields: ['newPassword', 'confirmPassword'] as const,
    blank: () => ({ newPassword: '', confirmPassword: '' }),
    check: checkNewPassword,
    send: (f) => mutate({ username: username.value, newPassword: f.newPassword }),
  });
  return { form, errors, submitting, reset, submit };
}
