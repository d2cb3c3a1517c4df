/**
 * One officer's report save as the client sends it, for the tests that count acknowledged saves across a
 * crash (durability on one server, a killed node of a Galera cluster): the amount disbursed is made from
 * the project's id, so each acknowledged save can be found again, to the satang, after the crash.
 */
export interface ReportSave {
  /** The HTTP status and the body's answer: the saved amount, or the first error's code. */
  status: number;
  disbursed: string | null;
  code: string | null;
}

export const disbursedFor = (projectId: number) => `${projectId}.${String(projectId % 100).padStart(2, '0')}`;

export async function saveReport(serverUrl: string, token: string, projectId: number, fiscalYear: number): Promise<ReportSave> {
  const res = await fetch(`${serverUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation($input: ProgressReportInput!) { saveProgressReport(input: $input) { id disbursed } }',
      variables: {
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
    }),
  });
  const body = (await res.json()) as {
    data?: { saveProgressReport: { disbursed: string } | null } | null;
    errors?: Array<{ extensions?: { code?: string } }>;
  };
  return {
    status: res.status,
    disbursed: body.data?.saveProgressReport?.disbursed ?? null,
    code: body.errors?.[0]?.extensions?.code ?? null,
  };
}
