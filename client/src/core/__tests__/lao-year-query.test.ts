import { nextTick, ref } from 'vue';
import { SarScoresDocument } from '@/gql/graphql';
import { useLaoYearQuery } from '../lao-year-query';
import { mountComposable, settle } from './mount-composable';

describe('useLaoYearQuery', () => {
  it('asks nothing until both the LAO and the year are known, then asks about them', async () => {
    const laoCode = ref<string | null>(null);
    const year = ref<number | null>(2567);
    const { result, requests } = mountComposable(() => useLaoYearQuery(SarScoresDocument, laoCode, year), {
      SarScores: () => ({ data: { sarScores: [], planDimensions: [] } }),
    });
    await settle();
    expect(requests).toEqual([]);
    expect(result.enabled.value).toBe(false);
    laoCode.value = '6800707';
    await nextTick();
    await settle();
    expect(requests).toEqual([{ operation: 'SarScores', variables: { laoCode: '6800707', fiscalYear: 2567 } }]);
    expect(result.result.value?.sarScores).toEqual([]);
    expect(result.errorMessage.value).toBe('');
  });

  it('says what the server refused, in its words', async () => {
    const { result } = mountComposable(() => useLaoYearQuery(SarScoresDocument, ref('6810304'), ref(2567)), {
      SarScores: () => ({ errors: [{ message: 'ท่านไม่มีสิทธิ์ทำรายการนี้', extensions: { code: 'FORBIDDEN' } }] }),
    });
    await settle();
    await settle();
    expect(result.errorMessage.value).toBe('ท่านไม่มีสิทธิ์ทำรายการนี้');
  });
});
