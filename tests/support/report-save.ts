import { ReportSaveDocument } from '../gql/graphql';
import { postGql } from './post-gql';

/**
 * One officer's report save as the client sends it, for the tests that count acknowledged saves across a
 * crash (durability on one server, a killed node of a Galera cluster): the amount disbursed is made from
 * the project's id, so each acknowledged save can be found again, to the satang, after the crash — and
 * stays within the 90,000 baht of the ordinance (a plausible save: no warning to confirm).
 */
export interface ReportSave {
  /** The HTTP status and the body's answer: the saved amount, or the first error's code. */
  status: number;
  disbursed: string | null;
  code: string | null;
}

export const disbursedFor = (projectId: number) => `${1 + (projectId % 89_999)}.${String(projectId % 100).padStart(2, '0')}`;

export async function saveReport(serverUrl: string, token: string, projectId: number, fiscalYear: number): Promise<ReportSave> {
  const res = await postGql(
    serverUrl,
    ReportSaveDocument,
    {
      input: {
        projectId: String(projectId),
        fiscalYear,
        round: 'SIX_MONTHS',
        inOrdinance: true,
        ordinanceBudget: '90000.00',
        disbursed: disbursedFor(projectId),
        status: 'DONE',
      },
    },
    { token },
  );
  return {
    status: res.status,
    disbursed: res.data?.saveProgressReport?.disbursed ?? null,
    code: res.errors?.[0]?.extensions?.code ?? null,
  };
}
