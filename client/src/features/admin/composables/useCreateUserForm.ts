import { computed, reactive, watch } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { t } from '@/core/i18n';
import { CreateUserDocument, type AdminUserFragment, type Role } from '@/gql/graphql';
import { trimText } from '@/core/text';

const FIELDS = ['role', 'laoCode', 'provinceCode', 'username', 'displayName', 'email', 'password', 'confirmPassword'] as const;

const blank = () => ({
  role: 'LAO_OFFICER' as Role,
  laoCode: '',
  provinceCode: '',
  username: '',
  displayName: '',
  email: '',
  password: '',
  confirmPassword: '',
});

/**
 * สร้างผู้ใช้งาน of any role: an LAO officer names its LAO (and by default takes the LAO's code as
 * username), a province officer its province; a SERVICE account has no password (it gets API tokens).
 */
export function useCreateUserForm(onCreated: (user: AdminUserFragment) => void) {
  const form = reactive(blank());
  const errors = useFormErrors(FIELDS);
  const { mutate, loading: submitting } = useMutation(CreateUserDocument, { refetchQueries: ['Users'], awaitRefetchQueries: true });

  const needsLao = computed(() => form.role === 'LAO_OFFICER');
  const needsProvince = computed(() => form.role === 'PROVINCE_OFFICER');
  const needsPassword = computed(() => form.role !== 'SERVICE');

  watch(
    () => form.laoCode,
    (code, previous) => {
      if (needsLao.value && (form.username === '' || form.username === previous)) form.username = code.trim();
    },
  );

  function reset(): void {
    Object.assign(form, blank());
    errors.clear();
  }

  async function submit(): Promise<boolean> {
    errors.clear();
    if (!form.username.trim()) errors.setField('username', t.login.usernameRequired);
    if (needsPassword.value && form.password !== form.confirmPassword) errors.setField('confirmPassword', t.errors.passwordsDiffer);
    if (errors.hasFieldErrors()) return false;
    try {
      const { data } =
        (await mutate({
          input: {
            role: form.role,
            username: form.username.trim(),
            displayName: trimText(form.displayName) || null,
            email: form.email.trim() || null,
            password: needsPassword.value ? form.password || null : null,
            laoCode: needsLao.value ? form.laoCode.trim() || null : null,
            provinceCode: needsProvince.value ? form.provinceCode || null : null,
          },
        })) ?? {};
      if (data) onCreated(data.createUser);
      reset();
      return true;
    } catch (error) {
      errors.apply(error);
      return false;
    }
  }

  return { form, errors, submitting, needsLao, needsProvince, needsPassword, reset, submit };
}
