import { watch } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { useSubmitForm } from '@/core/form';
import { t } from '@/core/i18n';
import { trimText } from '@/core/text';
import { CreateLaoDocument, type CreateLaoMutation, type LaoSize, type LaoType } from '@/gql/graphql';

/** เพิ่ม อปท. in the registry (no account is made: the admin creates it under จัดการผู้ใช้งาน). */
export function useCreateLaoForm(onCreated: (lao: CreateLaoMutation['createLao']) => void) {
  const { mutate, loading: submitting } = useMutation(CreateLaoDocument, { refetchQueries: ['RegistryLaos'] });
  const { form, errors, reset, submit } = useSubmitForm({
    fields: ['code', 'name', 'type', 'size', 'provinceCode', 'districtCode', 'address'] as const,
    blank: () => ({
      code: '',
      name: '',
      type: 'SAO' as LaoType,
      size: 'MEDIUM' as LaoSize,
      provinceCode: '',
      districtCode: '',
      address: '',
    }),
    check: (f, e) => {
      if (!f.code.trim()) e.setField('code', t.common.required);
      if (!trimText(f.name)) e.setField('name', t.common.required);
      if (!f.provinceCode) e.setField('provinceCode', t.common.chooseProvince);
      if (!f.districtCode) e.setField('districtCode', t.common.chooseDistrict);
    },
    send: async (f) => {
      const res = await mutate({
        input: {
          code: f.code.trim(),
          name: trimText(f.name),
          type: f.type,
          size: f.size,
          provinceCode: f.provinceCode,
          districtCode: f.districtCode,
          address: trimText(f.address) || null,
        },
      });
      if (res?.data) onCreated(res.data.createLao);
    },
  });
  watch(
    () => form.provinceCode,
    () => (form.districtCode = ''),
  );
  return { form, errors, submitting, reset, submit };
}
