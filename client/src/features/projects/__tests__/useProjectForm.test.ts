import { nextTick, ref } from 'vue';
import { mountComposable, settle, type Answers } from '@/core/__tests__/mount-composable';
import { useFormErrors } from '@/core/errors';
import { t } from '@/features/projects/i18n';
import type { EditableProjectFragment } from '@/gql/graphql';
import { PROJECT_FIELDS, toProjectInput, type ProjectFormState } from '../composables/projectFields';
import { useProjectChoices } from '../composables/useProjectChoices';
import { useProjectForm } from '../composables/useProjectForm';
import { useProjectFormState } from '../composables/useProjectFormState';

const words = t.projects.form;
/** The server's message for a Money value it does not take. */
const MONEY = 'จำนวนเงินไม่ถูกต้อง: กรอกเป็นตัวเลข ทศนิยมไม่เกิน 2 ตำแหน่ง และไม่เกิน 999,999,999,999.99 บาท';

/** A project as the server sends it to the form. */
const saved = (over: Partial<EditableProjectFragment> = {}): EditableProjectFragment => ({
  id: '41',
  version: 3,
  seq: 7,
  origin: 'PLANNED',
  name: 'โครงการส่งเสริมคุณธรรมจริยธรรม',
  fiscalYears: [2568, 2567],
  category: 'PROJECT',
  quarters: [2, 1],
  dimension: 1,
  extraDimensions: [3],
  budget: '15000.50',
  targetGroups: ['LOCAL_STAFF', 'POLITICAL_EXECUTIVES'],
  objective: 'เพื่อปลูกฝังคุณธรรม',
  note: null,
  canEdit: true,
  lao: { code: '6800707', name: 'องค์การบริหารส่วนตำบลขอนหาด' },
  years: [],
  ...over,
});

const complete = (over: Partial<ProjectFormState> = {}): ProjectFormState => ({
  origin: 'PLANNED',
  name: 'โครงการอบรม',
  fiscalYears: [2569, 2567],
  category: 'ACTIVITY',
  quarters: [3, 1],
  dimension: 2,
  extraDimensions: [4, 2],
  withBudget: true,
  budget: '๑๕,๐๐๐.๕',
  targetGroups: ['PRIVATE_SECTOR', 'LOCAL_STAFF'],
  objective: 'เพื่อความโปร่งใส',
  note: ' \u200B ',
  ...over,
});

describe('toProjectInput: the form’s own checks, before the server’s', () => {
  const check = (form: ProjectFormState) => {
    const { result } = mountComposable(() => useFormErrors(PROJECT_FIELDS));
    return { input: toProjectInput(form, result), errors: result };
  };

  it('sends the form as the API takes it: years, quarters and groups in order, the budget as a decimal string', () => {
    const { input, errors } = check(complete());
    expect(errors.fields).toEqual({});
    expect(input).toEqual({
      origin: 'PLANNED',
      name: 'โครงการอบรม',
      fiscalYears: [2567, 2569],
      category: 'ACTIVITY',
      quarters: [1, 3],
      dimension: 2,
      extraDimensions: [4],
      budget: '15000.50',
      targetGroups: ['LOCAL_STAFF', 'PRIVATE_SECTOR'],
      objective: 'เพื่อความโปร่งใส',
      note: null,
    });
  });

  it('says everything an empty form lacks at once, in the server’s words', () => {
    const empty = complete({
      name: ' \u200B',
      fiscalYears: [],
      category: undefined,
      quarters: [],
      dimension: undefined,
      budget: '1.234',
      targetGroups: [],
      objective: '',
    });
    const { input, errors } = check(empty);
    expect(input).toBeNull();
    expect(errors.fields).toEqual({
      name: 'กรุณากรอกชื่อโครงการ',
      fiscalYears: 'กรุณาเลือกปีงบประมาณที่ดำเนินการอย่างน้อย 1 ปี',
      category: 'กรุณาเลือกประเภท โครงการ/กิจกรรม/มาตรการ/แนวปฏิบัติงาน',
      quarters: 'กรุณาเลือกไตรมาสที่ดำเนินการอย่างน้อย 1 ไตรมาส (กรณีไม่ทราบให้เลือกไตรมาส 1)',
      dimension: 'กรุณาเลือกมิติของโครงการ',
      budget: MONEY,
      targetGroups: 'กรุณาเลือกกลุ่มเป้าหมายอย่างน้อย 1 กลุ่ม',
      objective: 'กรุณากรอกวัตถุประสงค์',
    });
  });

  it.each([
    ['', words.budgetRequired],
    ['15,000.505', MONEY],
    ['หนึ่งหมื่น', MONEY],
  ])('a budget of %j is refused with %j', (budget, message) => {
    const { input, errors } = check(complete({ budget }));
    expect(input).toBeNull();
    expect(errors.fields).toEqual({ budget: message });
  });

  it('sends no budget when the project has none, whatever was typed', () => {
    expect(check(complete({ withBudget: false, budget: 'abc' })).input?.budget).toBeNull();
  });
});

describe('useProjectFormState: the values, and whether they changed', () => {
  it('starts a new project in the year looked at, or this year when that one is past', () => {
    const start = (looked: number) =>
      mountComposable(() => useProjectFormState({ project: ref(null), currentYear: ref(2568), initialYear: ref(looked) })).result.form
        .fiscalYears;
    expect(start(2569)).toEqual([2569]);
    expect(start(2566)).toEqual([2568]);
  });

  it('never holds a year it cannot show: none before the server names the years, none outside them', async () => {
    const currentYear = ref<number | null>(null);
    const planYears = ref<number[]>([]);
    const { result } = mountComposable(() => useProjectFormState({ project: ref(null), currentYear, planYears, initialYear: ref(2567) }));
    expect(result.form.fiscalYears).toEqual([]);
    currentYear.value = 2570;
    planYears.value = [2569, 2570, 2571, 2572, 2573, 2574];
    await nextTick();
    expect(result.form.fiscalYears).toEqual([2570]);
    const far = mountComposable(() =>
      useProjectFormState({ project: ref(null), currentYear: ref(2570), planYears: ref([2569, 2570, 2571]), initialYear: ref(2580) }),
    );
    expect(far.result.form.fiscalYears).toEqual([2570]);
  });

  it('ticks this year once the server has said which year it is', async () => {
    const currentYear = ref<number | null>(null);
    const { result } = mountComposable(() => useProjectFormState({ project: ref(null), currentYear }));
    expect(result.form.fiscalYears).toEqual([]);
    currentYear.value = 2568;
    await nextTick();
    expect(result.form.fiscalYears).toEqual([2568]);
    expect(result.dirty.value).toBe(false);
  });

  it('shows the project once it arrives, its budget grouped, and knows when the user changed it', async () => {
    const project = ref<EditableProjectFragment | null>(null);
    const { result } = mountComposable(() => useProjectFormState({ project, currentYear: ref(2568) }));
    project.value = saved();
    await nextTick();
    expect(result.form).toMatchObject({ name: saved().name, fiscalYears: [2567, 2568], withBudget: true, budget: '15,000.50' });
    expect(result.dirty.value).toBe(false);
    result.form.quarters = [1, 2];
    expect(result.dirty.value).toBe(false);
    result.form.name = 'ชื่อใหม่';
    expect(result.dirty.value).toBe(true);
  });

  it('does not overwrite what the user typed when the project comes again', async () => {
    const project = ref<EditableProjectFragment | null>(saved());
    const { result } = mountComposable(() => useProjectFormState({ project, currentYear: ref(2568) }));
    result.form.objective = 'กำลังแก้ไข';
    project.value = saved({ version: 4, objective: 'ของผู้อื่น' });
    await nextTick();
    expect(result.form.objective).toBe('กำลังแก้ไข');
  });

  it('drops a dimension from the additional ones when it becomes the primary one', async () => {
    const { result } = mountComposable(() => useProjectFormState({ project: ref(saved()), currentYear: ref(2568) }));
    result.form.dimension = 3;
    await nextTick();
    expect(result.form.extraDimensions).toEqual([]);
  });
});

describe('useProjectChoices: what the form offers', () => {
  it('offers the years the server lets a project be planned in, past ones closed, and the years the project already runs in', () => {
    const { result } = mountComposable(
      () =>
        useProjectChoices(
          ref(2568),
          ref([2567, 2568, 2569, 2570, 2571, 2572]),
          () => [2568],
          () => [2565],
        ),
      { ProjectFormDimensions: () => ({ data: { planDimensions: [] } }) },
    );
    expect(result.yearOptions.value).toEqual([
      { year: 2565, closed: true },
      { year: 2567, closed: true },
      { year: 2568, closed: false },
      { year: 2569, closed: false },
      { year: 2570, closed: false },
      { year: 2571, closed: false },
      { year: 2572, closed: false },
    ]);
  });

  it('names the dimensions as in the plan period of the project’s first year', async () => {
    const { result, requests } = mountComposable(
      () =>
        useProjectChoices(
          ref(2568),
          ref([2567, 2568, 2569, 2570, 2571, 2572]),
          () => [2564, 2568],
          () => [],
        ),
      {
        ProjectFormDimensions: () => ({
          data: {
            planDimensions: [
              { __typename: 'PlanDimension', number: 1, name: 'การสร้างสังคมที่ไม่ทนต่อการทุจริต' },
              { __typename: 'PlanDimension', number: 2, name: 'การบริหารราชการเพื่อป้องกันการทุจริต' },
            ],
          },
        }),
      },
    );
    await settle();
    expect(requests).toEqual([{ operation: 'ProjectFormDimensions', variables: { fiscalYear: 2564 } }]);
    expect(result.dimensionOptions.value.map((d) => d.name)).toEqual([
      'การสร้างสังคมที่ไม่ทนต่อการทุจริต',
      'การบริหารราชการเพื่อป้องกันการทุจริต',
      '',
      '',
    ]);
  });
});

describe('useProjectForm: saving', () => {
  const dimensions: Answers = { ProjectFormDimensions: () => ({ data: { planDimensions: [] } }) };

  it('updates the version it read, then shows the saved project as unchanged', async () => {
    const project = ref<EditableProjectFragment | null>(saved());
    const { result, requests } = mountComposable(() => useProjectForm({ laoCode: ref('6800707'), project, currentYear: ref(2568) }), {
      ...dimensions,
      UpdateProject: ({ input }) => ({ data: { updateProject: { __typename: 'Project', ...saved({ version: 4, name: input.name }) } } }),
    });
    result.form.name = 'ชื่อใหม่';
    const done = await result.save();
    expect(done?.version).toBe(4);
    expect(requests.find((r) => r.operation === 'UpdateProject')?.variables).toMatchObject({
      id: '41',
      version: 3,
      input: { name: 'ชื่อใหม่' },
    });
    expect(result.dirty.value).toBe(false);
    expect(result.errors.message).toBe('');
  });

  it('shows the server’s field errors under their fields and keeps what the user typed', async () => {
    const { result } = mountComposable(() => useProjectForm({ laoCode: ref('6800707'), currentYear: ref(2568) }), {
      ...dimensions,
      CreateProject: () => ({
        errors: [
          {
            message: 'ข้อมูลที่กรอกไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง',
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [
                { field: 'input.name', message: 'ชื่อโครงการมีอักขระพิเศษที่ระบบไม่รับ' },
                { field: 'input.fiscalYears', message: 'ปีงบประมาณ 2580 อยู่นอกช่วงที่เลือกได้' },
              ],
            },
          },
        ],
      }),
    });
    Object.assign(result.form, {
      name: 'โครงการ\u0007',
      category: 'PROJECT',
      quarters: [1],
      dimension: 1,
      targetGroups: ['LOCAL_STAFF'],
      objective: 'เพื่อทดสอบ',
    });
    expect(await result.save()).toBeNull();
    expect(result.errors.fields).toEqual({
      name: 'ชื่อโครงการมีอักขระพิเศษที่ระบบไม่รับ',
      fiscalYears: 'ปีงบประมาณ 2580 อยู่นอกช่วงที่เลือกได้',
    });
    expect(result.form.objective).toBe('เพื่อทดสอบ');
    expect(result.dirty.value).toBe(true);
  });

  it('says when someone else saved the project first (CONFLICT), and a reset to the latest clears it', async () => {
    const project = ref<EditableProjectFragment | null>(saved());
    const { result } = mountComposable(() => useProjectForm({ laoCode: ref('6800707'), project, currentYear: ref(2568) }), {
      ...dimensions,
      UpdateProject: () => ({
        errors: [{ message: 'ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลใหม่แล้วลองอีกครั้ง', extensions: { code: 'CONFLICT' } }],
      }),
    });
    result.form.name = 'ของฉัน';
    expect(await result.save()).toBeNull();
    expect(result.errors.code).toBe('CONFLICT');
    expect(result.errors.message).toBe('ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลใหม่แล้วลองอีกครั้ง');
    result.reset(saved({ version: 5, name: 'ของผู้อื่น' }));
    expect(result.form.name).toBe('ของผู้อื่น');
    expect(result.errors.code).toBe('');
    expect(result.dirty.value).toBe(false);
  });

  it('sends nothing while a field breaks a rule, and names every such field at once', async () => {
    const { result, requests } = mountComposable(() => useProjectForm({ laoCode: ref('6800707'), currentYear: ref(2568) }), dimensions);
    expect(await result.save()).toBeNull();
    expect(requests.map((r) => r.operation)).not.toContain('CreateProject');
    expect(Object.keys(result.errors.fields).sort()).toEqual(['category', 'dimension', 'name', 'objective', 'quarters', 'targetGroups']);
  });
});
