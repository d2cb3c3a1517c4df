import { computed, watch } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { useSubmitForm } from '@/core/form';
import { t } from '@/core/i18n';
import { trimText } from '@rules';
import { CreateLaoDocument, UpdateLaoDocument, type LaoSize, type LaoType, type RegistryLaoFragment } from '@/gql/graphql';

/**
 * เพิ่ม อปท. in the registry (no account is made: the admin creates it under จัดการผู้ใช้งาน), or แก้ไข
 * one: its name, type, size, district and address (its code stays; retiring is `useLaoActions`).
 */
export function useLaoForm(onSaved: (lao: RegistryLaoFragment, created: boolean) => void) {
  const { mutate: create, loading: creating } = useMutation(CreateLaoDocument, { refetchQueries: ['RegistryLaos'] });
  const { mutate: update, loading: updating } = useMutation(UpdateLaoDocument, { refetchQueries: ['RegistryLaos'] });
  /** The LAO being edited (its code and whether it is active), or null when adding one. */
  let editing: RegistryLaoFragment | null = null;
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
      const fields = {
        name: trimText(f.name),
        type: f.type,
        size: f.size,
        districtCode: f.districtCode,
        address: trimText(f.address) || null,
      };
      if (editing) {
        const res = await update({ code: editing.code, input: { ...fields, active: editing.active } });
        if (res?.data) onSaved(res.data.updateLao, false);
        return;
      }
      const res = await create({ input: { ...fields, code: f.code.trim(), provinceCode: f.provinceCode } });
      if (res?.data) onSaved(res.data.createLao, true);
    },
  });
  // A district belongs to one province (its code starts with the province's).
  watch(
    () => form.provinceCode,
    (province) => {
      if (!form.districtCode.startsWith(province)) form.districtCode = '';
    },
  );

  /** Opens the form on an LAO of the registry (null: a new one). */
  function start(lao: RegistryLaoFragment | null): void {
    reset();
    editing = lao;
    if (lao) {
      Object.assign(form, {
        code: lao.code,
        name: lao.name,
        type: lao.type,
        size: lao.size,
        provinceCode: lao.province.code,
        districtCode: lao.district.code,
        address: lao.address ?? '',
      });
    }
  }

  const submitting = computed(() => creating.value || updating.value);
  return { form, errors, submitting, reset, submit, start };
}
