import { mountComposable, settle, type Answers } from '@/core/__tests__/mount-composable';
import { t } from '@/features/progress-reports/i18n';
import { useProgressReportForm, type ReportTarget } from '../composables/useProgressReportForm';
import type { ReportRow } from '../composables/useReportProjects';

const row = (budget: string | null = '50000.00'): ReportRow => ({
  id: '41',
  seq: 3,
  name: 'โครงการส่งเสริมคุณธรรมจริยธรรม',
  dimension: 1,
  budget,
  planStatus: 'COMPLIANT',
  counted: true,
  reports: { SIX_MONTHS: null, TWELVE_MONTHS: null },
  latest: null,
});
const target = (over: Partial<ReportTarget> = {}): ReportTarget => ({ row: row(), round: 'TWELVE_MONTHS', fiscalYear: 2567, ...over });

const draft = (over: Record<string, unknown> = {}) => ({
  __typename: 'ReportDraft',
  round: 'TWELVE_MONTHS',
  inOrdinance: null,
  ordinanceBudget: null,
  disbursed: null,
  status: null,
  cannotDoReason: null,
  cannotDoText: null,
  note: null,
  prefilledFromSixMonths: false,
  ...over,
});

/** The server's refusal of a report, as saveProgressReport answers it. */
const refused = (fields: Array<{ field: string; message: string }>) => () => ({
  errors: [{ message: fields[0].message, extensions: { code: 'BAD_USER_INPUT', fields } }],
});

function open(answers: Answers, over: Partial<ReportTarget> = {}) {
  const saved: ReportTarget[] = [];
  const mounted = mountComposable(() => useProgressReportForm((t) => saved.push(t)), answers);
  return { ...mounted, saved, opened: mounted.result.load(target(over)) };
}

describe('useProgressReportForm', () => {
  it('starts from what the server gives: a twelve-month report not yet written from the six-month ordinance figures', async () => {
    const { result, requests, opened } = open({
      ReportDraft: () => ({
        data: { reportDraft: draft({ inOrdinance: true, ordinanceBudget: '50000.00', prefilledFromSixMonths: true }) },
      }),
    });
    expect(result.ready.value).toBe(false);
    await opened;
    expect(requests).toEqual([{ operation: 'ReportDraft', variables: { projectId: '41', fiscalYear: 2567, round: 'TWELVE_MONTHS' } }]);
    expect(result.ready.value).toBe(true);
    expect(result.prefilledFromSixMonths.value).toBe(true);
    expect({ ...result.form }).toEqual({
      inOrdinance: true,
      ordinanceBudget: '50000.00',
      disbursed: '',
      status: undefined,
      cannotDoReason: undefined,
      cannotDoText: '',
      note: '',
    });
  });

  it('shows the server’s message under each field it refuses, having sent what the form holds', async () => {
    const fields = [
      { field: 'inOrdinance', message: 'กรุณาเลือกการบรรจุไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน' },
      { field: 'ordinanceBudget', message: 'กรุณากรอกงบประมาณตามข้อบัญญัติ/เทศบัญญัติ (ถ้าไม่มีให้กรอก 0)' },
      { field: 'disbursed', message: 'กรุณากรอกการเบิกจ่ายงบประมาณ (ถ้าไม่มีให้กรอก 0)' },
      { field: 'status', message: 'กรุณาเลือกสถานะการดำเนินงาน' },
    ];
    const { result, requests, opened, saved } = open({
      ReportDraft: () => ({ data: { reportDraft: draft() } }),
      SaveProgressReport: refused(fields),
    });
    await opened;
    expect(await result.submit()).toBe(false);
    expect(requests[1]).toEqual({
      operation: 'SaveProgressReport',
      variables: {
        input: {
          projectId: '41',
          fiscalYear: 2567,
          round: 'TWELVE_MONTHS',
          inOrdinance: null,
          ordinanceBudget: null,
          disbursed: null,
          status: null,
          cannotDoReason: null,
          cannotDoText: null,
          note: null,
        },
      },
    });
    expect(result.errors.fields).toEqual(Object.fromEntries(fields.map((f) => [f.field, f.message])));
    expect(result.errors.message).toBe('');
    expect(saved).toEqual([]);
  });

  it('says under its field that typed text is no amount, with the server’s other messages', async () => {
    const { result, requests, opened } = open({
      ReportDraft: () => ({ data: { reportDraft: draft() } }),
      SaveProgressReport: refused([
        { field: 'disbursed', message: 'กรุณากรอกการเบิกจ่ายงบประมาณ (ถ้าไม่มีให้กรอก 0)' },
        { field: 'cannotDoReason', message: 'กรุณาเลือกเหตุผลที่ไม่สามารถดำเนินการได้' },
      ]),
    });
    await opened;
    Object.assign(result.form, { inOrdinance: false, ordinanceBudget: '๑๐,๐๐๐', disbursed: 'หนึ่งพัน', status: 'CANNOT_DO' });
    await result.submit();
    expect(requests[1].variables.input).toMatchObject({
      ordinanceBudget: '10000.00',
      disbursed: null,
      status: 'CANNOT_DO',
      cannotDoReason: null,
    });
    expect(result.errors.fields).toEqual({
      disbursed: t.reporting.reports.form.moneyInvalid,
      cannotDoReason: 'กรุณาเลือกเหตุผลที่ไม่สามารถดำเนินการได้',
    });
  });

  it('saves a report of a project with no budget without amounts, and tells the page it is saved', async () => {
    const { result, requests, opened, saved } = open(
      {
        ReportDraft: () => ({ data: { reportDraft: draft({ round: 'SIX_MONTHS' }) } }),
        SaveProgressReport: ({ input }) => ({
          data: {
            saveProgressReport: {
              __typename: 'ProgressReport',
              id: '9',
              ...input,
              carried: false,
              reportedAt: '2024-03-01T03:00:00.000Z',
            },
          },
        }),
      },
      { row: row(null), round: 'SIX_MONTHS' },
    );
    await opened;
    Object.assign(result.form, {
      inOrdinance: true,
      ordinanceBudget: '1',
      status: 'CANNOT_DO',
      cannotDoReason: 'OTHER',
      cannotDoText: ' ฝนตก ',
      note: ' ',
    });
    expect(await result.submit()).toBe(true);
    await settle();
    expect(requests[1].variables.input).toEqual({
      projectId: '41',
      fiscalYear: 2567,
      round: 'SIX_MONTHS',
      inOrdinance: true,
      ordinanceBudget: null,
      disbursed: null,
      status: 'CANNOT_DO',
      cannotDoReason: 'OTHER',
      cannotDoText: 'ฝนตก',
      note: null,
    });
    expect(saved).toHaveLength(1);
  });

  it('asks the LAO to check the figures the server warns about, and sends them again confirmed', async () => {
    const warnings = [
      { code: 'DISBURSED_ABOVE_ORDINANCE', message: 'การเบิกจ่าย 60,000.00 บาท สูงกว่างบประมาณตามข้อบัญญัติ/เทศบัญญัติ 50,000.00 บาท' },
      { code: 'DONE_WITHOUT_DISBURSEMENT', message: 'ไม่ใช้ในรายงานนี้' },
    ];
    const { result, requests, opened, saved } = open({
      ReportDraft: () => ({ data: { reportDraft: draft({ inOrdinance: true, ordinanceBudget: '50000.00' }) } }),
      SaveProgressReport: ({ input }) =>
        input.confirmedWarnings
          ? {
              data: {
                saveProgressReport: {
                  __typename: 'ProgressReport',
                  id: '9',
                  ...input,
                  carried: false,
                  reportedAt: '2024-03-01T03:00:00.000Z',
                },
              },
            }
          : { errors: [{ message: 'กรุณาตรวจสอบก่อนบันทึก: …', extensions: { code: 'WARNINGS_UNCONFIRMED', warnings } }] },
    });
    await opened;
    Object.assign(result.form, { disbursed: '60000', status: 'IN_PROGRESS' });

    // Refused: the warnings wait for an answer; the form itself shows no error and nothing is saved.
    expect(await result.submit()).toBe(false);
    expect(result.warnings.value).toEqual(warnings);
    expect(result.errors.message).toBe('');
    expect(saved).toEqual([]);
    // กลับไปแก้ไข: back to the form.
    result.review();
    expect(result.warnings.value).toEqual([]);

    await result.submit();
    expect(await result.confirm()).toBe(true);
    await settle();
    expect(requests.filter((r) => r.operation === 'SaveProgressReport').map((r) => r.variables.input.confirmedWarnings)).toEqual([
      undefined,
      undefined,
      ['DISBURSED_ABOVE_ORDINANCE', 'DONE_WITHOUT_DISBURSEMENT'],
    ]);
    expect(result.warnings.value).toEqual([]);
    expect(saved).toHaveLength(1);
  });
});
