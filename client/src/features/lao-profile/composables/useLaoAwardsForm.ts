import { computed, reactive, ref, watch, type Ref } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { LaoAwardsDocument, SetAwardsDocument, type AwardInput, type AwardKind } from '@/gql/graphql';
import { trimText } from '@rules';

/** The manual's order; OTHER (with its text) last. */
export const AWARD_KINDS: AwardKind[] = ['KPI', 'DECENTRALIZATION', 'OPDC', 'OTHER'];
// The server names the fields of each award by its place in the list sent: awards.<i>.kind / .text.
const FIELDS = ['fiscalYear', ...AWARD_KINDS.flatMap((_, i) => [`awards.${i}.kind`, `awards.${i}.text`])];

/**
 * รางวัลที่ได้รับ of one fiscal year: which awards the LAO received (any of the four, OTHER with its
 * name), saved for that year as a whole.
 */
export function useLaoAwardsForm(laoCode: Ref<string | null>, fiscalYear: Ref<number | null>) {
  const { result, loading } = useQuery(
    LaoAwardsDocument,
    () => ({ code: laoCode.value ?? '', fiscalYear: fiscalYear.value ?? 0 }),
    () => ({ enabled: laoCode.value !== null && fiscalYear.value !== null }),
  );
  const awards = computed(() => (laoCode.value ? (result.value?.lao?.awards ?? null) : null));

  const form = reactive({ kinds: [] as AwardKind[], otherText: '' });
  const snapshot = ref(JSON.stringify(form));
  const errors = useFormErrors(FIELDS);
  const dirty = computed(() => JSON.stringify({ kinds: [...form.kinds].sort(), otherText: form.otherText }) !== snapshot.value);

  function reset(): void {
    const list = awards.value ?? [];
    form.kinds = AWARD_KINDS.filter((k) => list.some((a) => a.kind === k));
    form.otherText = list.find((a) => a.kind === 'OTHER')?.text ?? '';
    snapshot.value = JSON.stringify({ kinds: [...form.kinds].sort(), otherText: form.otherText });
    errors.clear();
  }
  watch([awards, laoCode, fiscalYear], () => reset(), { immediate: true });

  const { mutate, loading: saving } = useMutation(SetAwardsDocument, { refetchQueries: ['LaoAwards'], awaitRefetchQueries: true });

  const chosen = (): AwardInput[] =>
    AWARD_KINDS.filter((k) => form.kinds.includes(k)).map((kind) =>
      kind === 'OTHER' ? { kind, text: trimText(form.otherText) || null } : { kind },
    );

  /** The server's message for the name of the OTHER award, wherever it sat in the list sent. */
  const otherTextError = computed(() => {
    const i = chosen().findIndex((a) => a.kind === 'OTHER');
    return i >= 0 ? ((errors.fields as Record<string, string | undefined>)[`awards.${i}.text`] ?? '') : '';
  });

  async function save(): Promise<boolean> {
    errors.clear();
    if (!laoCode.value || fiscalYear.value === null) return false;
    try {
      await mutate({ laoCode: laoCode.value, fiscalYear: fiscalYear.value, awards: chosen() });
      return true;
    } catch (err) {
      errors.apply(err);
      return false;
    }
  }

  return {
    form,
    errors,
    otherTextError,
    dirty,
    loading,
    saving,
    canEdit: computed(() => result.value?.lao?.canEdit === true),
    save,
  };
}
