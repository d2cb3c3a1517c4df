import { ref } from 'vue';
import { mountComposable, settle } from '@/core/__tests__/mount-composable';
import type { ScoreKey } from '@/features/province-scores/composables/useProvinceScoreSelection';
import { useRedFlagDecision } from '../composables/useRedFlagDecision';
import { useRedFlags } from '../composables/useRedFlags';

const flag = (id: string, status: string, district = '8007', over: Record<string, unknown> = {}) => ({
  __typename: 'RedFlag',
  id,
  rule: 'CONFIRMED_WARNING',
  title: 'ยืนยันบันทึกทั้งที่มีข้อควรตรวจสอบ',
  criterion: 'อปท. ยืนยันบันทึกรายงานผลทั้งที่ระบบแจ้งข้อควรตรวจสอบ',
  fiscalYear: 2567,
  round: 'SIX_MONTHS',
  evidence: `โครงการ “${id}”: การเบิกจ่าย 60,000.00 บาท สูงกว่างบประมาณตามข้อบัญญัติ/เทศบัญญัติ 50,000.00 บาท`,
  status,
  canDecide: true,
  lao: {
    __typename: 'Lao',
    code: '6800707',
    name: 'องค์การบริหารส่วนตำบลขอนหาด',
    district: { __typename: 'District', code: district, label: 'อำเภอชะอวด' },
  },
  decisions: [],
  ...over,
});
const FLAGS = [flag('a', 'OPEN'), flag('b', 'FOLLOWING_UP'), flag('c', 'DISMISSED'), flag('d', 'OPEN', '8001')];

describe('useRedFlags', () => {
  it('shows nothing until a province is chosen, then the round’s flags by filter, with their counts', async () => {
    const shown = ref<ScoreKey | null>({ fiscalYear: 2567, round: 'SIX_MONTHS', provinceCode: null, districtCode: null });
    const { result, requests } = mountComposable(() => useRedFlags(shown), { RedFlags: () => ({ data: { redFlags: FLAGS } }) });
    await settle();
    expect(requests).toEqual([]);
    expect(result.ready.value).toBe(false);

    shown.value = { fiscalYear: 2567, round: 'SIX_MONTHS', provinceCode: '80', districtCode: null };
    await settle();
    await settle();
    expect(requests).toEqual([{ operation: 'RedFlags', variables: { provinceCode: '80', fiscalYear: 2567, round: 'SIX_MONTHS' } }]);
    expect(result.counts.value).toEqual({ ACTIVE: 3, DISMISSED: 1, ALL: 4 });
    expect(result.flags.value.map((f) => f.id)).toEqual(['a', 'b', 'd']);
    result.filter.value = 'DISMISSED';
    expect(result.flags.value.map((f) => f.id)).toEqual(['c']);

    // One district: the flags of its LAOs.
    shown.value = { fiscalYear: 2567, round: 'SIX_MONTHS', provinceCode: '80', districtCode: '8001' };
    result.filter.value = 'ALL';
    expect(result.flags.value.map((f) => f.id)).toEqual(['d']);
    // Another round: the previous round's flags are not shown as its own while it loads.
    shown.value = { fiscalYear: 2567, round: 'TWELVE_MONTHS', provinceCode: '80', districtCode: null };
    expect(result.ready.value).toBe(false);
  });
});

describe('useRedFlagDecision', () => {
  it('sends the decision with the note, and shows what the server refuses', async () => {
    const answers = {
      DismissRedFlag: ({ id, note }: Record<string, string>) =>
        note
          ? {
              data: {
                dismissRedFlag: flag(id, 'DISMISSED', '8007', {
                  decisions: [
                    {
                      __typename: 'RedFlagDecisionView',
                      action: 'DISMISS',
                      note,
                      decidedBy: 'นายตรวจ',
                      decidedAt: '2024-05-02T03:00:00.000Z',
                    },
                  ],
                }),
              },
            }
          : {
              errors: [
                {
                  message: 'กรุณากรอกบันทึกผลการพิจารณา',
                  extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'note', message: 'กรุณากรอกบันทึกผลการพิจารณา' }] },
                },
              ],
            },
      FollowUpRedFlag: () => ({
        errors: [{ message: 'รายการนี้ได้รับการพิจารณาว่า “ไม่มีประเด็น” แล้ว โดย นายตรวจ', extensions: { code: 'CONFLICT' } }],
      }),
    };
    const { result, requests } = mountComposable(() => useRedFlagDecision(), answers);
    result.open(flag('a', 'OPEN') as never, 'DISMISS');
    expect(result.visible.value).toBe(true);
    expect(await result.submit()).toBeNull();
    expect(result.errors.fields).toEqual({ note: 'กรุณากรอกบันทึกผลการพิจารณา' });

    result.form.note = '  ตรวจแล้ว ไม่มีประเด็น  ';
    const done = await result.submit();
    expect(requests.at(-1)).toEqual({ operation: 'DismissRedFlag', variables: { id: 'a', note: 'ตรวจแล้ว ไม่มีประเด็น' } });
    expect(done).toMatchObject({ id: 'a', status: 'DISMISSED' });
    expect(result.visible.value).toBe(false);

    result.open(flag('b', 'OPEN') as never, 'FOLLOW_UP');
    result.form.note = 'ขอเอกสาร';
    expect(await result.submit()).toBeNull();
    expect(result.errors.message).toBe('รายการนี้ได้รับการพิจารณาว่า “ไม่มีประเด็น” แล้ว โดย นายตรวจ');
    expect(result.visible.value).toBe(true);
  });
});
