import { computed, watch } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { useSubmitForm } from '@/core/form';
import { t } from '@/core/i18n';
import { trimText } from '@/core/text';
import { CreateUserDocument, type AdminUserFragment, type Role } from '@/gql/graphql';

/**
 * สร้างผู้ใช้งาน of any role: an LAO officer names its LAO (and by default takes the LAO's code as
 * username), a province officer its province; a SERVICE account has no password (it gets API tokens).
 */
export function useCreateUserForm(onCreated: (user: AdminUserFragment) => void) {
  const { mutate, loading: submitting } = useMutation(CreateUserDocument, { refetchQueries: ['Users'], awaitRefetchQueries: true });
  const { form, errors, reset, submit } = useSubmitForm({
    fields: ['role', 'laoCode', 'provinceCode', 'username', 'displayName', 'email', 'password', 'confirmPassword'] as const,
    blank: () => ({
      role: 'LAO_OFFICER' as Role,
      laoCode: '',
      provinceCode: '',
      username: '',
      displayName: '',
      email: '',
      password: '',
      confirmPassword: '',
    }),
    check: (f, e) => {
      if (!f.username.trim()) e.setField('username', t.login.usernameRequired);
      if (needsPassword.value && f.password !== f.confirmPassword) e.setField('confirmPassword', t.errors.passwordsDiffer);
    },
    send: async (f) => {
      const res = await mutate({
        input: {
          role: f.role,
          username: f.username.trim(),
          displayName: trimText(f.displayName) || null,
          email: f.email.trim() || null,
          password: needsPassword.value ? f.password || null : null,
          laoCode: needsLao.value ? f.laoCode.trim() || null : null,
          provinceCode: needsProvince.value ? f.provinceCode || null : null,
        },
      });
      if (res?.data) onCreated(res.data.createUser);
    },
  });
  const needsLao = computed(() => form.role === 'LAO_OFFICER');
  const needsProvince = computed(() => form.role === 'PROVINCE_OFFICER');
  const needsPassword = computed(() => form.role !== 'SERVICE');

  watch(
    () => form.laoCode,
    (code, previous) => {
      if (needsLao.value && (form.username === '' || form.username === previous)) form.username = code.trim();
    },
  );

  return { form, errors, submitting, needsLao, needsProvince, needsPassword, reset, submit };
}
