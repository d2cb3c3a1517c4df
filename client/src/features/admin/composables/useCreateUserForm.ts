import { computed, watch } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { ACCOUNT, EMAIL, LAO_CODE, PASSWORD, passwordHasUsername, trimText, USERNAME } from '@rules';
import { checkFormat, useSubmitForm } from '@/core/form';
import { t } from '@/features/admin/i18n';
import { CreateUserDocument, type AdminUserFragment, type Role } from '@/gql/graphql';
import { useRoleOptions } from './useRoleOptions';

/**
 * สร้างผู้ใช้งาน of any role the server offers, asking what the role needs (useRoleOptions): an account
 * of an LAO names its LAO (and by default takes the LAO's code as username), one of a province its
 * province; one that signs in with API tokens has no password. The first role is chosen to begin with.
 */
export function useCreateUserForm(onCreated: (user: AdminUserFragment) => void) {
  const { options, optionOf } = useRoleOptions();
  const { mutate, loading: submitting } = useMutation(CreateUserDocument, { refetchQueries: ['Users'], awaitRefetchQueries: true });
  const { form, errors, reset, submit } = useSubmitForm({
    fields: ['role', 'laoCode', 'provinceCode', 'username', 'displayName', 'email', 'password', 'confirmPassword'] as const,
    blank: () => ({
      role: (options.value[0]?.role ?? '') as Role | '',
      laoCode: '',
      provinceCode: '',
      username: '',
      displayName: '',
      email: '',
      password: '',
      confirmPassword: '',
    }),
    // Every rule the browser can judge, at once and in the server's words (`@rules`); what needs the
    // database (a username taken, an unknown LAO) comes back from the server under the same fields.
    check: (f, e) => {
      if (needsLao.value && !f.laoCode.trim()) e.setField('laoCode', ACCOUNT.laoRequired);
      if (needsLao.value) checkFormat(e, 'laoCode', f.laoCode, LAO_CODE);
      if (needsProvince.value && !f.provinceCode) e.setField('provinceCode', ACCOUNT.provinceRequired);
      if (!f.username.trim()) e.setField('username', t.login.usernameRequired);
      checkFormat(e, 'username', f.username, USERNAME);
      checkFormat(e, 'email', f.email, EMAIL);
      if (!needsPassword.value) return;
      if (!f.password) e.setField('password', ACCOUNT.passwordRequired);
      else if (!PASSWORD.pattern.test(f.password)) e.setField('password', PASSWORD.message);
      else if (passwordHasUsername(f.password, f.username.trim())) e.setField('password', ACCOUNT.passwordHasUsername);
      if (f.password !== f.confirmPassword) e.setField('confirmPassword', t.errors.confirmDiffers);
    },
    send: async (f) => {
      const res = await mutate({
        input: {
          role: f.role as Role,
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
  const role = computed(() => optionOf(form.role));
  const needsLao = computed(() => role.value?.place === 'LAO');
  const needsProvince = computed(() => role.value?.place === 'PROVINCE');
  const needsPassword = computed(() => role.value?.credential === 'PASSWORD');
  // The roles arrive after the form is made: the first is chosen until the ADMIN chooses.
  watch(options, (list) => {
    if (!form.role && list.length) form.role = list[0].role;
  });

  watch(
    () => form.laoCode,
    (code, previous) => {
      if (needsLao.value && (form.username === '' || form.username === previous)) form.username = code.trim();
    },
  );

  return { form, errors, submitting, roleOptions: options, needsLao, needsProvince, needsPassword, reset, submit };
}
