import { computed, ref, type Ref } from 'vue';
import { useFormErrors } from '@/core/errors';
import type { EditableProjectFragment } from '@/gql/graphql';
import { PROJECT_FIELDS, toProjectInput } from './projectFields';
import { useProjectChoices } from './useProjectChoices';
import { useProjectFormState } from './useProjectFormState';
import { useSaveProject } from './useSaveProject';

export interface ProjectFormOptions {
  /** The LAO a new project belongs to. */
  laoCode: Ref<string | null>;
  /** The project being edited; absent or null while creating. */
  project?: Ref<EditableProjectFragment | null>;
  /** The fiscal year (BE) of today. */
  currentYear: Ref<number | null>;
  /** The years a project may be planned in (the server's rule); none until it answers. */
  planYears?: Ref<number[]>;
  /** The year a new project starts ticked in (the year the user is looking at, if not past). */
  initialYear?: Ref<number | null>;
}

/**
 * สร้างโครงการ / แก้ไขโครงการ: the form's values and whether they changed (useProjectFormState), what it
 * offers (useProjectChoices), its errors — the client's few checks (toProjectInput), then the
 * server's, by field — and saving (useSaveProject).
 */
export function useProjectForm(options: ProjectFormOptions) {
  const project = options.project ?? ref(null);
  const errors = useFormErrors(PROJECT_FIELDS);
  const { form, dirty, reset } = useProjectFormState({ ...options, project, onReset: () => errors.clear() });
  const choices = useProjectChoices(
    options.currentYear,
    options.planYears ?? ref([]),
    () => form.fiscalYears,
    () => project.value?.fiscalYears ?? [],
  );
  const { write, saving } = useSaveProject(project, options.laoCode);

  /** Saves; returns the saved project, or null with the errors set (CONFLICT: `errors.code`). */
  async function save(): Promise<EditableProjectFragment | null> {
    const input = toProjectInput(form, errors);
    if (!input) return null;
    try {
      const saved = await write(input);
      if (saved) reset(saved);
      return saved;
    } catch (error) {
      errors.apply(error);
      return null;
    }
  }

  return { form, errors, dirty, save, reset, isEdit: computed(() => project.value !== null), saving, ...choices };
}

export type ProjectFormApi = ReturnType<typeof useProjectForm>;
