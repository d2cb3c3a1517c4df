import { ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { checkNewPassword, useSubmitForm } from '@/core/form';
import { t } from '@/core/i18n';
import { ChangePasswordDocument } from '@/gql/graphql';

/** เปลี่ยนรหัสผ่าน: the current password once, the new one twice. */
export function useChangePasswordForm() {
  const done = ref(false);
  const { mutate, loading: submitting } = useMutation(ChangePasswordDocument);
  const {
    form,
    errors,
    submit: send,
  } = useSubmitForm({
    fields: ['currentPassword', 'newPassword', 'confirmPassword'] as const,
    blank: () => ({ currentPassword: '', newPassword: '', confirmPassword: '' }),
    check: (f, e) => {
      if (!f.currentPassword) e.setField('currentPassword', t.common.required);
      checkNewPassword(f, e);
    },
    send: (f) => mutate({ currentPassword: f.currentPassword, newPassword: f.newPassword }),
  });

  async function submit(): Promise<void> {
    done.value = false;
    done.value = await send();
  }

  return { form, errors, submitting, done, submit };
}
