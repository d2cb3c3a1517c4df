import type { Ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { checkNewPassword, useSubmitForm } from '@/core/form';
import { t } from '@/core/i18n';
import { trimText } from '@rules';
import { ReassignUserDocument } from '@/gql/graphql';

/** Staff transfer (โอนย้ายบุคลากร): the account passes to a new officer with a new e-mail and password. */
export function useReassignUserForm(username: Ref<string>) {
  const { mutate, loading: submitting } = useMutation(ReassignUserDocument);
  const { form, errors, reset, submit } = useSubmitForm({
    fields: ['displayName', 'email', 'newPassword', 'confirmPassword'] as const,
    blank: () => ({ displayName: '', email: '', newPassword: '', confirmPassword: '' }),
    check: (f, e) => {
      if (!trimText(f.displayName)) e.setField('displayName', t.common.required);
      checkNewPassword(f, e);
    },
    send: (f) =>
      mutate({
        username: username.value,
        input: { displayName: trimText(f.displayName), email: f.email.trim() || null, newPassword: f.newPassword },
      }),
  });
  return { form, errors, submitting, reset, submit };
}
