import { ref } from 'vue';
import { mountComposable, settle } from '@/core/__tests__/mount-composable';
import { usePrintActionPlan } from '../composables/usePrintActionPlan';

/** The plan as the server builds it: numbered, its notes written, its total added (Query.actionPlan). */
const actionPlan = {
  rows: [
    { no: 1, projectId: '41', name: 'โครงการอบรมคุณธรรม', dimension: 1, budget: '999999999999.99', quarters: [1, 3], note: '' },
    { no: 2, projectId: '17', name: 'มาตรการเปิดเผยข้อมูล', dimension: 3, budget: null, quarters: [4], note: '(รอการอนุมัติเพิ่ม)' },
  ],
  totalBudget: '999999999999.99',
  projectCount: 2,
};

describe('usePrintActionPlan', () => {
  it('shows the server’s rows, notes and total as they come, amounts in baht', async () => {
    const { result, requests } = mountComposable(() => usePrintActionPlan(ref('6800707'), ref(2567)), {
      PrintActionPlan: () => ({ data: { lao: { code: '6800707', name: 'องค์การบริหารส่วนตำบลขอนหาด' }, actionPlan } }),
    });
    await settle();
    expect(requests).toEqual([{ operation: 'PrintActionPlan', variables: { laoCode: '6800707', fiscalYear: 2567 } }]);
    expect(result.laoName.value).toBe('องค์การบริหารส่วนตำบลขอนหาด');
    expect(result.rows.value.map((r) => [r.no, r.id, r.budget, r.note])).toEqual([
      [1, '41', '999,999,999,999.99', ''],
      [2, '17', '0.00', '(รอการอนุมัติเพิ่ม)'],
    ]);
    expect(result.totalBudget.value).toBe('999,999,999,999.99');
    expect(result.projectCount.value).toBe(2);
  });

  it('links the files only with the issuer’s name', async () => {
    const { result } = mountComposable(() => usePrintActionPlan(ref('6800707'), ref(2567)), {
      PrintActionPlan: () => ({ data: { lao: { code: '6800707', name: 'อบต.ขอนหาด' }, actionPlan } }),
    });
    await settle();
    expect(result.checkIssuer()).toBe(false);
    expect(result.issuerError.value).not.toBe('');
    result.issuer.value = ' นางสาวสมใจ ใจดี ';
    expect(result.checkIssuer()).toBe(true);
    expect(result.pdfHref.value).toBe(`/export/action-plan.pdf?lao=6800707&year=2567&issuer=${encodeURIComponent('นางสาวสมใจ ใจดี')}`);
  });
});
