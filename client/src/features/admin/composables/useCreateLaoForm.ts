import { reactive, watch } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { t } from '@/core/i18n';
import { CreateLaoDocument, type CreateLaoMutation, type LaoSize, type LaoType } from '@/gql/graphql';
import { trimText } from '@/core/text';

const FIELDS = ['code', 'name', 'type', 'size', 'provinceCode', 'districtCode', 'address'] as const;

const blank = () => ({
  code: '',
  name: '',
  type: 'SAO' as LaoType,
  size: 'MEDIUM' as LaoSize,
  provinceCode: '',
  districtCode: '',
  address: '',
});

/** เพิ่ม อปท. in the registry (no account is made: the admin creates it under จัดการผู้ใช้งาน). */
export function useCreateLaoForm(onCreated: (lao: CreateLaoMutation['createLao']) => void) {
  const form = reactive(blank());
  const errors = useFormErrors(FIELDS);
  const { mutate, loading: submitting } = useMutation(CreateLaoDocument, { refetchQueries: ['RegistryLaos'] });
  watch(
    () => form.provinceCode,
    () => (form.districtCode = ''),
  );

  function reset(): void {
    Object.assign(form, blank());
    errors.clear();
  }

  async function submit(): Promise<boolean> {
    errors.clear();
    if (!form.code.trim()) errors.setField('code', t.common.required);
    if (!trimText(form.name)) errors.setField('name', t.common.required);
    if (!form.provinceCode) errors.setField('provinceCode', t.common.chooseProvince);
    if (!form.districtCode) errors.setField('districtCode', t.common.chooseDistrict);
    if (errors.hasFieldErrors()) return false;
    try {
      const res = await mutate({
        input: {
          code: form.code.trim(),
          name: trimText(form.name),
          type: form.type,
          size: form.size,
          provinceCode: form.provinceCode,
          districtCode: form.districtCode,
          address: trimText(form.address) || null,
        },
      });
      if (res?.data) onCreated(res.data.createLao);
      reset();
      return true;
    } catch (error) {
      errors.apply(error);
      return false;
    }
  }

  return { form, errors, submitting, reset, submit };
}
