import { computed, reactive, watch, type Ref } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { useAuth } from '@/core/auth';
import { useFormErrors } from '@/core/errors';
import { t } from '@/features/sar/i18n';
import { parseMoney } from '@/core/money';
import { SetSarScoresDocument, type SarScoreInput } from '@/gql/graphql';
import { DIMENSIONS, type SarScoreRow } from './useSarScores';

/** The cells of a row that a message can be under: the dimension and its four figures. */
const KEYS = ['dimension', 'selfScore', 'evaluatedScore', 'budget', 'projectCount'] as const;
type Key = (typeof KEYS)[number];
/**
 * Field errors name their cell as `rows.<index>.<key>`, the index being the row's place in the `rows`
 * sent: the form always sends the four dimensions in the table's order, so the index is the table's row.
 * A message naming no row (`rows`, `fiscalYear`…) or no cell of the table shows for the form as a whole.
 */
const FIELDS = DIMENSIONS.flatMap((_, i) => KEYS.map((k) => `rows.${i}.${k}`));

export interface SarFormRow {
  dimension: number;
  selfScore: string;
  evaluatedScore: string;
  budget: string;
  projectCount: string;
}

/** 85.5 → "85.50"; null → "". Scores are shown and typed with two decimals. */
const scoreText = (v: number | null) => (v === null ? '' : v.toFixed(2));

/**
 * คะแนน SAR of one LAO and year as a form: the province office and ADMIN enter the four dimensions
 * (self-assessment, NACC's score, budget, projects); an LAO reads them. Saving replaces the year's rows.
 */
export function useSarForm(laoCode: Ref<string | null>, fiscalYear: Ref<number | null>, scores: Ref<SarScoreRow[] | null>) {
  const { can } = useAuth();
  const canEdit = computed(() => can('REVIEW'));
  const rows = reactive<SarFormRow[]>(DIMENSIONS.map((dimension) => blank(dimension)));
  const errors = useFormErrors(FIELDS);
  const { mutate, loading: saving } = useMutation(SetSarScoresDocument, { refetchQueries: ['SarScores'], awaitRefetchQueries: true });

  function blank(dimension: number): SarFormRow {
    return { dimension, selfScore: '', evaluatedScore: '', budget: '', projectCount: '' };
  }

  function load(list: SarScoreRow[] | null): void {
    errors.clear();
    DIMENSIONS.forEach((dimension, i) => {
      const s = list?.find((r) => r.dimension === dimension);
      rows[i] = s
        ? {
            dimension,
            selfScore: scoreText(s.selfScore),
            evaluatedScore: scoreText(s.evaluatedScore),
            budget: s.budget ?? '',
            projectCount: s.projectCount === null ? '' : String(s.projectCount),
          }
        : blank(dimension);
    });
  }
  watch(scores, load, { immediate: true });

  /** The message under one cell: row `index` of the table (as sent), column `key`. */
  const fieldError = (index: number, key: Key) => errors.fields[`rows.${index}.${key}`];

  /** What the API's types can carry; the server judges ranges and decimals. */
  function toInput(): SarScoreInput[] | null {
    const words = t.oversight.sar;
    const input = rows.map((row, i) => {
      const score = (key: 'selfScore' | 'evaluatedScore') => {
        const text = row[key].replace(/[,\s]/g, '');
        if (!text) return null;
        if (!/^\d{1,3}(\.\d+)?$/.test(text)) errors.setField(`rows.${i}.${key}`, words.notScore);
        return Number(text);
      };
      const budgetText = row.budget.trim();
      const budget = budgetText ? parseMoney(budgetText) : null;
      if (budgetText && budget === null) errors.setField(`rows.${i}.budget`, words.notMoney);
      const countText = row.projectCount.replace(/[,\s]/g, '');
      if (countText && !/^\d{1,6}$/.test(countText)) errors.setField(`rows.${i}.projectCount`, words.notCount);
      return {
        dimension: row.dimension,
        selfScore: score('selfScore'),
        evaluatedScore: score('evaluatedScore'),
        budget,
        projectCount: countText ? Number(countText) : null,
      };
    });
    return errors.hasFieldErrors() ? null : input;
  }

  /** Saves the year's scores; true when saved. */
  async function save(): Promise<boolean> {
    errors.clear();
    if (!laoCode.value || fiscalYear.value === null) return false;
    const input = toInput();
    if (!input) return false;
    try {
      await mutate({ laoCode: laoCode.value, fiscalYear: fiscalYear.value, rows: input });
      return true;
    } catch (error) {
      errors.apply(error);
      return false;
    }
  }

  return { rows, errors, canEdit, saving, fieldError, save };
}
