import type { AppContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { fiscalYearProblem } from '../../core/fiscal-year';
import { cleanText } from '../../core/input';

/** A document ready to send. */
export interface ExportFile {
  body: Buffer;
  /** File name for the download, Thai allowed. */
  fileName: string;
  type: 'pdf' | 'xlsx';
}

const refuse = (field: string, message: string) => badInput([{ field, message }], message);

/** The `year` parameter: a fiscal year of the supported plan periods, as the API takes it. */
export function yearParam(ctx: AppContext, query: Record<string, string | undefined>): number {
  const value = query.year;
  if (!value || !/^\d{1,6}$/.test(value)) throw refuse('year', 'กรุณาระบุปีงบประมาณ');
  const problem = fiscalYearProblem(Number(value), ctx.clock.now());
  if (problem) throw refuse('year', problem);
  return Number(value);
}

/** A text parameter, normalised and checked as the API's text fields are. */
export function stringParam(query: Record<string, string | undefined>, name: string, label: string, max = 200): string {
  const { value, problem } = cleanText(query[name] ?? null, { label, max });
  if (problem) throw refuse(name, problem);
  if (!value) throw refuse(name, `กรุณาระบุ${label}`);
  return value;
}
