import { reportSessionExpired } from '@/core/auth';
import { t } from '@/core/i18n';
import type { ReportRound } from '@/gql/graphql';

/** Where files are uploaded to: a saved progress report, or the plan of an LAO's fiscal year. */
export type UploadPlace = { progressReportId: string } | { laoCode: string; fiscalYear: number };
/** Which files a list shows: an upload place's, or every report's of a round. */
export type AttachmentPlace = UploadPlace | { laoCode: string; fiscalYear: number; round: ReportRound };

/** Whether files can be uploaded to the place (a round's are each uploaded to its report). */
export const isUploadPlace = (place: AttachmentPlace): place is UploadPlace => !('round' in place);

/** Why the server refused a file, as POST /attachments says it (`reason`), beside its code. */
export type RefusalReason = 'TOO_LARGE' | 'WRONG_TYPE' | 'OVER_QUOTA' | 'NO_FILE' | 'BAD_FORM';

export type SendAnswer = { ok: true; id: string } | { ok: false; code: string; reason: RefusalReason | null; message: string };

/**
 * POST /attachments as the server takes it: what the file is evidence of first, then the file, with the
 * session's cookie and the header that marks a request of the app's own pages (the server refuses a
 * multipart form without it, as a form of another site would send it).
 */
export async function sendFile(place: UploadPlace, file: File): Promise<SendAnswer> {
  const form = new FormData();
  if ('progressReportId' in place) form.append('progressReportId', place.progressReportId);
  else {
    form.append('laoCode', place.laoCode);
    form.append('fiscalYear', String(place.fiscalYear));
  }
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/attachments', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'apollo-require-preflight': 'true' },
      body: form,
    });
  } catch {
    return { ok: false, code: 'NETWORK', reason: null, message: t.errors.network };
  }
  const body = (await response.json().catch(() => null)) as { id?: string; code?: string; reason?: RefusalReason; message?: string } | null;
  if (response.ok && body?.id) return { ok: true, id: body.id };
  if (response.status === 401) reportSessionExpired();
  return {
    ok: false,
    code: body?.code ?? 'INTERNAL_SERVER_ERROR',
    // A proxy in front of the server may refuse a large body itself, without the server's answer.
    reason: body?.reason ?? (response.status === 413 ? 'TOO_LARGE' : null),
    message: body?.message || t.errors.unknown,
  };
}
