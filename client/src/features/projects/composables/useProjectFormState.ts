import { computed, reactive, ref, watch, type Ref } from 'vue';
import type { EditableProjectFragment } from '@/gql/graphql';
import { blankProject, projectFormOf, type ProjectFormState } from './projectFields';

const snapshotOf = (state: ProjectFormState) =>
  JSON.stringify({
    ...state,
    fiscalYears: [...state.fiscalYears].sort(),
    quarters: [...state.quarters].sort(),
    extraDimensions: [...state.extraDimensions].sort(),
    targetGroups: [...state.targetGroups].sort(),
  });

/**
 * The project form's values: blank for a new project (ticked in the year the user looks at if a new
 * project may be planned in it, else in this year; nothing until the server has said which years those
 * are, so the form never holds a year it does not show), the project's own once it arrives; whether
 * they differ from what was loaded or saved (`dirty`); and `reset`. The primary dimension is never also
 * an additional one.
 */
export function useProjectFormState(options: {
  project: Ref<EditableProjectFragment | null>;
  currentYear: Ref<number | null>;
  /** The years a project may be planned in (the server's rule); when empty, this year and later. */
  planYears?: Ref<number[]>;
  initialYear?: Ref<number | null>;
  /** Called after every reset (the form's errors go with the values they were about). */
  onReset?: () => void;
}) {
  const { project, currentYear, initialYear, planYears } = options;
  const startYear = (): number | null => {
    const current = currentYear.value;
    if (current === null) return null;
    const wanted = initialYear?.value ?? current;
    const open = wanted >= current && (!planYears?.value.length || planYears.value.includes(wanted));
    return open ? wanted : current;
  };
  const form = reactive<ProjectFormState>(blankProject(startYear()));
  const snapshot = ref(snapshotOf(form));
  const dirty = computed(() => snapshotOf(form) !== snapshot.value);

  function reset(source: EditableProjectFragment | null = project.value): void {
    Object.assign(form, source ? projectFormOf(source) : blankProject(startYear()));
    snapshot.value = snapshotOf(form);
    options.onReset?.();
  }

  // Fill the form when the project arrives (or comes back saved), unless the user has started typing.
  watch(
    () => [project.value?.id, project.value?.version],
    () => {
      if (!dirty.value) reset();
    },
  );
  // A new project starts in this year, once the server has said which year it is.
  watch(currentYear, () => {
    if (project.value || form.fiscalYears.length > 0) return;
    if (!dirty.value) reset();
    else if (startYear() !== null) form.fiscalYears = [startYear()!];
  });
  watch(
    () => form.dimension,
    (primary) => {
      if (primary !== undefined && form.extraDimensions.includes(primary)) {
        form.extraDimensions = form.extraDimensions.filter((d) => d !== primary);
      }
    },
  );
  reset();

  return { form, dirty, reset };
}
