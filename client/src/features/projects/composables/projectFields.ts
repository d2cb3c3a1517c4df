import { MONEY_MESSAGE, PROJECT, requiredMessage, trimText } from '@rules';
import type { FormErrors } from '@/core/errors';
import { formatMoney, parseMoney } from '@/core/money';
import { t } from '@/features/projects/i18n';
import type { EditableProjectFragment, ProjectCategory, ProjectInput, ProjectOrigin, TargetGroup } from '@/gql/graphql';

/** The fields of ProjectInput, as the server names them in its field errors. */
export const PROJECT_FIELDS = [
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
export type ProjectField = (typeof PROJECT_FIELDS)[number];

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
export const DIMENSIONS = [1, 2, 3, 4];

/** What the project form holds: the API's fields as the inputs edit them (the budget as typed). */
export interface ProjectFormState {
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

/** A new project, ticked in `year`. */
export const blankProject = (year: number | null): ProjectFormState => ({
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

/** A saved project as the form shows it (the budget grouped: "15,000.50"). */
export const projectFormOf = (p: EditableProjectFragment): ProjectFormState => ({
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

/**
 * The form as ProjectInput; null, with a message under every field that breaks a rule (all of them at
 * once, in the server's words from `@rules`), when one does. What only the server can judge (the years a
 * project may be planned in, a changed project) comes back from it under the same fields.
 */
export function toProjectInput(form: ProjectFormState, errors: FormErrors<ProjectField>): ProjectInput | null {
  errors.clear();
  if (!trimText(form.name)) errors.setField('name', requiredMessage(PROJECT.name.label));
  if (form.fiscalYears.length === 0) errors.setField('fiscalYears', PROJECT.fiscalYearsMessage);
  if (form.category === undefined) errors.setField('category', PROJECT.categoryMessage);
  if (form.quarters.length === 0) errors.setField('quarters', PROJECT.quartersMessage);
  if (form.dimension === undefined) errors.setField('dimension', PROJECT.dimensionMessage);
  let budget: string | null = null;
  if (form.withBudget) {
    budget = parseMoney(form.budget);
    if (!form.budget.trim()) errors.setField('budget', t.projects.form.budgetRequired);
    else if (budget === null) errors.setField('budget', MONEY_MESSAGE);
  }
  if (form.targetGroups.length === 0) errors.setField('targetGroups', PROJECT.targetGroupsMessage);
  if (!trimText(form.objective)) errors.setField('objective', requiredMessage(PROJECT.objective.label));
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
