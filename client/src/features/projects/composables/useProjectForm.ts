import { computed, reactive, ref, watch, type Ref } from 'vue';
import { useMutation, useQuery } from '@vue/apollo-composable';
import { useFormErrors } from '@/core/errors';
import { formatMoney, parseMoney } from '@/core/money';
import { t } from '@/core/i18n';
import {
  CreateProjectDocument,
  ProjectFormDimensionsDocument,
  UpdateProjectDocument,
  type EditableProjectFragment,
  type ProjectCategory,
  type ProjectInput,
  type ProjectOrigin,
  type TargetGroup,
} from '@/gql/graphql';
import { trimText } from '@/core/text';

const FIELDS = [
  'origin',
  'name',
  'fiscalYears',
  'category',
  'quarters',
  'dimension',
  'extraDimensions',
  'budget',
  'targetGroups',
  'objective',
  'note',
] as const;

/** The manual's order of กลุ่มเป้าหมาย. */
export const TARGET_GROUPS: TargetGroup[] = [
  'POLITICAL_EXECUTIVES',
  'LOCAL_COUNCIL',
  'LOCAL_STAFF',
  'CHILDREN_YOUTH',
  'SCHOOLS',
  'CITIZENS_CIVIL_SOCIETY',
  'GOVERNMENT_AGENCIES',
  'STATE_ENTERPRISES',
  'PRIVATE_SECTOR',
];
export const CATEGORIES: ProjectCategory[] = ['PROJECT', 'ACTIVITY', 'MEASURE', 'GUIDELINE'];
export const ORIGINS: ProjectOrigin[] = ['PLANNED', 'ADDITIONAL'];
export const QUARTERS = [1, 2, 3, 4];
const DIMENSIONS = [1, 2, 3, 4];
/** Years offered: last year (shown, closed) to four years ahead (a five-year plan). */
const YEARS_BEFORE = 1;
const YEARS_AHEAD = 4;

interface ProjectFormState {
  origin: ProjectOrigin;
  name: string;
  fiscalYears: number[];
  category: ProjectCategory | undefined;
  quarters: number[];
  dimension: number | undefined;
  extraDimensions: number[];
  withBudget: boolean;
  budget: string;
  targetGroups: TargetGroup[];
  objective: string;
  note: string;
}

const blank = (year: number | null): ProjectFormState => ({
  origin: 'PLANNED',
  name: '',
  fiscalYears: year ? [year] : [],
  category: undefined,
  quarters: [],
  dimension: undefined,
  extraDimensions: [],
  withBudget: false,
  budget: '',
  targetGroups: [],
  objective: '',
  note: '',
});

const fromProject = (p: EditableProjectFragment): ProjectFormState => ({
  origin: p.origin,
  name: p.name,
  fiscalYears: [...p.fiscalYears].sort((a, b) => a - b),
  category: p.category,
  quarters: [...p.quarters],
  dimension: p.dimension,
  extraDimensions: [...p.extraDimensions],
  withBudget: p.budget !== null,
  budget: p.budget !== null ? formatMoney(p.budget) : '',
  targetGroups: [...p.targetGroups],
  objective: p.objective,
  note: p.note ?? '',
});

const snapshotOf = (state: ProjectFormState) =>
  JSON.stringify({
    ...state,
    fiscalYears: [...state.fiscalYears].sort(),
    quarters: [...state.quarters].sort(),
    extraDimensions: [...state.extraDimensions].sort(),
    targetGroups: [...state.targetGroups].sort(),
  });

export interface ProjectFormOptions {
  /** The LAO a new project belongs to. */
  laoCode: Ref<string | null>;
  /** The project being edited; absent or null while creating. */
  project?: Ref<EditableProjectFragment | null>;
  /** The fiscal year (BE) of today. */
  currentYear: Ref<number | null>;
  /** The year a new project starts ticked in (the year the user is looking at, if not past). */
  initialYear?: Ref<number | null>;
}

/**
 * สร้างโครงการ / แก้ไขโครงการ: the form of every field of the manual, its errors (the server's, by
 * field), whether it has unsaved changes, and saving (create, or update with the version read: a
 * stale one comes back as CONFLICT and nothing is written).
 */
export function useProjectForm(options: ProjectFormOptions) {
  const project = options.project ?? ref(null);
  const startYear = () => {
    const current = options.currentYear.value;
    const wanted = options.initialYear?.value ?? current;
    return wanted !== null && current !== null && wanted < current ? current : wanted;
  };
  const form = reactive<ProjectFormState>(blank(startYear()));
  const snapshot = ref(snapshotOf(form));
  const errors = useFormErrors(FIELDS);
  const isEdit = computed(() => project.value !== null);
  const dirty = computed(() => snapshotOf(form) !== snapshot.value);

  function reset(source: EditableProjectFragment | null = project.value): void {
    Object.assign(form, source ? fromProject(source) : blank(startYear()));
    snapshot.value = snapshotOf(form);
    errors.clear();
  }

  // Fill the form when the project arrives (or comes back saved), unless the user has started typing.
  watch(
    () => [project.value?.id, project.value?.version],
    () => {
      if (!dirty.value) reset();
    },
  );
  // A new project starts in this year, once the server has said which year it is.
  watch(options.currentYear, () => {
    if (project.value || form.fiscalYears.length > 0) return;
    if (!dirty.value) reset();
    else if (startYear() !== null) form.fiscalYears = [startYear()!];
  });
  reset();

  // The primary dimension is not also an additional one.
  watch(
    () => form.dimension,
    (primary) => {
      if (primary !== undefined && form.extraDimensions.includes(primary)) {
        form.extraDimensions = form.extraDimensions.filter((d) => d !== primary);
      }
    },
  );

  const yearOptions = computed(() => {
    const current = options.currentYear.value;
    if (current === null) return [];
    const years = new Set<number>(project.value?.fiscalYears ?? []);
    for (let y = current - YEARS_BEFORE; y <= current + YEARS_AHEAD; y++) years.add(y);
    return [...years].sort((a, b) => a - b).map((year) => ({ year, closed: year < current }));
  });

  // Dimension names of the plan period of the project's first year (the names changed between plans).
  const namesYear = computed(() => {
    const current = options.currentYear.value;
    const years = current === null ? form.fiscalYears : [current, ...form.fiscalYears];
    return years.length ? Math.min(...years) : null;
  });
  const { result: dimensionResult } = useQuery(
    ProjectFormDimensionsDocument,
    () => ({ fiscalYear: namesYear.value ?? 0 }),
    () => ({ enabled: namesYear.value !== null, fetchPolicy: 'cache-first' }),
  );
  const dimensionOptions = computed(() =>
    DIMENSIONS.map((number) => ({
      number,
      name: dimensionResult.value?.planDimensions.find((d) => d.number === number)?.name ?? '',
    })),
  );

  const { mutate: create, loading: creating } = useMutation(CreateProjectDocument, { refetchQueries: ['ProjectList'] });
  const { mutate: update, loading: updating } = useMutation(UpdateProjectDocument, { refetchQueries: ['ProjectList'] });

  /** What the API needs; null (with messages under the fields) when a choice it cannot do without is missing. */
  function toInput(): ProjectInput | null {
    errors.clear();
    if (form.category === undefined) errors.setField('category', t.projects.form.chooseCategory);
    if (form.dimension === undefined) errors.setField('dimension', t.projects.form.chooseDimension);
    let budget: string | null = null;
    if (form.withBudget) {
      budget = parseMoney(form.budget);
      if (!form.budget.trim()) errors.setField('budget', t.projects.form.budgetRequired);
      else if (budget === null) errors.setField('budget', t.projects.form.notMoney);
    }
    if (errors.hasFieldErrors() || form.category === undefined || form.dimension === undefined) return null;
    return {
      origin: form.origin,
      name: form.name,
      fiscalYears: [...form.fiscalYears].sort((a, b) => a - b),
      category: form.category,
      quarters: [...form.quarters].sort((a, b) => a - b),
      dimension: form.dimension,
      extraDimensions: form.extraDimensions.filter((d) => d !== form.dimension).sort((a, b) => a - b),
      budget,
      targetGroups: TARGET_GROUPS.filter((g) => form.targetGroups.includes(g)),
      objective: form.objective,
      note: trimText(form.note) || null,
    };
  }

  /** Saves; returns the saved project, or null with the errors set (CONFLICT: `errors.code`). */
  async function save(): Promise<EditableProjectFragment | null> {
    const input = toInput();
    if (!input) return null;
    try {
      const current = project.value;
      let saved: EditableProjectFragment | null = null;
      if (current) {
        const res = await update({ id: current.id, version: current.version, input });
        saved = res?.data?.updateProject ?? null;
      } else if (options.laoCode.value) {
        const res = await create({ laoCode: options.laoCode.value, input });
        saved = res?.data?.createProject ?? null;
      }
      if (saved) reset(saved);
      return saved;
    } catch (error) {
      errors.apply(error);
      return null;
    }
  }

  return {
    form,
    errors,
    dirty,
    save,
    reset,
    isEdit,
    saving: computed(() => creating.value || updating.value),
    yearOptions,
    dimensionOptions,
  };
}

export type ProjectFormApi = ReturnType<typeof useProjectForm>;
