import { computed, reactive, ref, watch, type Ref } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { AREA, EMAIL, MONEY_MESSAGE, PHONE, POPULATION, WEBSITE } from '@rules';
import { toApiError, useFormErrors } from '@/core/errors';
import { checkFormat } from '@/core/form';
import {
  LaoProfileDocument,
  UpdateLaoProfileDocument,
  type LaoProfileFieldsFragment,
  type LaoProfileInput,
  type LaoSize,
} from '@/gql/graphql';
import { formatMoney, parseMoney } from '@/core/money';

const FIELDS = [
  'size',
  'address',
  'areaKm2',
  'population',
  'revenue',
  'subsidyRevenue',
  'executiveName',
  'chiefAdministratorName',
  'officeHeadName',
  'coordinatorName',
  'coordinatorPosition',
  'coordinatorDepartment',
  'coordinatorPhone',
  'coordinatorMobile',
  'coordinatorFax',
  'coordinatorEmail',
  'website',
] as const;

/** Text fields saved as they are typed (trimmed; empty = none). */
const TEXT_FIELDS = [
  'address',
  'executiveName',
  'chiefAdministratorName',
  'officeHeadName',
  'coordinatorName',
  'coordinatorPosition',
  'coordinatorDepartment',
  'coordinatorPhone',
  'coordinatorMobile',
  'coordinatorFax',
  'coordinatorEmail',
  'website',
] as const;

type ProfileForm = { size: LaoSize } & Record<Exclude<(typeof FIELDS)[number], 'size'>, string>;

const fromLao = (lao: LaoProfileFieldsFragment | null): ProfileForm => ({
  size: lao?.size ?? 'MEDIUM',
  address: lao?.address ?? '',
  areaKm2: lao?.areaKm2 === null || lao?.areaKm2 === undefined ? '' : String(lao.areaKm2),
  population: lao?.population === null || lao?.population === undefined ? '' : String(lao.population),
  revenue: lao?.revenue ? formatMoney(lao.revenue) : '',
  subsidyRevenue: lao?.subsidyRevenue ? formatMoney(lao.subsidyRevenue) : '',
  executiveName: lao?.executiveName ?? '',
  chiefAdministratorName: lao?.chiefAdministratorName ?? '',
  officeHeadName: lao?.officeHeadName ?? '',
  coordinatorName: lao?.coordinatorName ?? '',
  coordinatorPosition: lao?.coordinatorPosition ?? '',
  coordinatorDepartment: lao?.coordinatorDepartment ?? '',
  coordinatorPhone: lao?.coordinatorPhone ?? '',
  coordinatorMobile: lao?.coordinatorMobile ?? '',
  coordinatorFax: lao?.coordinatorFax ?? '',
  coordinatorEmail: lao?.coordinatorEmail ?? '',
  website: lao?.website ?? '',
});

const DECIMAL = /^\d+(?:\.(\d+))?$/;
const WHOLE = /^\d+$/;

/** ขนาดพื้นที่ as typed: the server's message when it is not a number it takes. */
function areaProblem(text: string): string | null {
  const m = DECIMAL.exec(text);
  if (!m) return AREA.notANumber;
  if ((m[1] ?? '').replace(/0+$/, '').length > AREA.decimals) return AREA.decimalsMessage;
  return Number(text) > AREA.max ? AREA.tooLargeMessage : null;
}

/** ประชากร as typed: the server's message when it is not a whole number it takes. */
function populationProblem(text: string): string | null {
  if (!WHOLE.test(text)) return POPULATION.wholeMessage;
  return Number(text) > POPULATION.max ? POPULATION.tooLargeMessage : null;
}

/**
 * ข้อมูลพื้นฐาน: the LAO's basic data as a form, its errors (the server's, under their fields), whether
 * it has unsaved changes, and saving. Read-only unless the server says the user may edit this LAO.
 */
export function useLaoProfileForm(laoCode: Ref<string | null>) {
  const { result, loading, error } = useQuery(
    LaoProfileDocument,
    () => ({ code: laoCode.value ?? '' }),
    () => ({ enabled: laoCode.value !== null }),
  );
  const lao = computed(() => (laoCode.value ? (result.value?.lao ?? null) : null));

  const form = reactive<ProfileForm>(fromLao(null));
  const snapshot = ref(JSON.stringify(form));
  const errors = useFormErrors(FIELDS);
  const dirty = computed(() => JSON.stringify(form) !== snapshot.value);

  function reset(source: LaoProfileFieldsFragment | null = lao.value): void {
    Object.assign(form, fromLao(source));
    snapshot.value = JSON.stringify(form);
    errors.clear();
  }
  // Another LAO (picker), or the data arrived: show it, unless the user is typing in this one.
  let shown: string | null = null;
  watch(
    lao,
    (next) => {
      if (!next) return;
      if (next.code !== shown || !dirty.value) reset(next);
      shown = next.code;
    },
    { immediate: true },
  );

  const { mutate, loading: saving } = useMutation(UpdateLaoProfileDocument);

  function toInput(): LaoProfileInput | null {
    errors.clear();
    const area = form.areaKm2.trim().replace(/,/g, '');
    const population = form.population.trim().replace(/,/g, '');
    // Every format at once, in the server's words (`@rules`): one press of บันทึก shows every problem.
    const areaError = area ? areaProblem(area) : null;
    if (areaError) errors.setField('areaKm2', areaError);
    const populationError = population ? populationProblem(population) : null;
    if (populationError) errors.setField('population', populationError);
    const revenue = form.revenue.trim() ? parseMoney(form.revenue) : null;
    const subsidyRevenue = form.subsidyRevenue.trim() ? parseMoney(form.subsidyRevenue) : null;
    if (form.revenue.trim() && revenue === null) errors.setField('revenue', MONEY_MESSAGE);
    if (form.subsidyRevenue.trim() && subsidyRevenue === null) errors.setField('subsidyRevenue', MONEY_MESSAGE);
    for (const field of ['coordinatorPhone', 'coordinatorMobile', 'coordinatorFax'] as const)
      checkFormat(errors, field, form[field], PHONE);
    checkFormat(errors, 'coordinatorEmail', form.coordinatorEmail, EMAIL);
    checkFormat(errors, 'website', form.website, WEBSITE);
    if (errors.hasFieldErrors()) return null;
    const input: LaoProfileInput = {
      size: form.size,
      areaKm2: area ? Number(area) : null,
      population: population ? Number(population) : null,
      revenue,
      subsidyRevenue,
    };
    for (const field of TEXT_FIELDS) input[field] = form[field].trim() || null;
    return input;
  }

  /** Saves; true when the server has the new data. */
  async function save(): Promise<boolean> {
    const input = toInput();
    if (!input || !laoCode.value) return false;
    try {
      const res = await mutate({ laoCode: laoCode.value, input });
      if (res?.data) reset(res.data.updateLaoProfile);
      return true;
    } catch (err) {
      errors.apply(err);
      return false;
    }
  }

  return {
    lao,
    loading,
    errorMessage: computed(() => (error.value ? toApiError(error.value).message : '')),
    notFound: computed(() => laoCode.value !== null && !loading.value && !error.value && result.value !== undefined && !result.value.lao),
    canEdit: computed(() => lao.value?.canEdit === true),
    form,
    errors,
    dirty,
    saving,
    save,
  };
}
