import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { useMutation } from '@vue/apollo-composable';
import { toApiError } from '@/core/errors';
import { fmt } from '@/core/i18n';
import { t } from '@/features/admin-data/i18n';
import { ImportLaosDocument, ImportPlanYearsDocument, ImportUsersDocument, type ImportRowResult } from '@/gql/graphql';
import { IMPORT_COLUMNS, toCsv, uploadType, type ImportKind } from './importKinds';

/** Rows sent per call (the server takes up to 200); the progress bar moves per chunk. */
export const CHUNK = 100;

type FileRow = Record<string, string> & { row: string };
interface ParsedFile {
  rows: FileRow[];
  missingColumns: string[];
  unknownColumns: string[];
}
export type ImportResult = Pick<ImportRowResult, 'row' | 'ok' | 'outcome' | 'messages'>;

/** Reads the file on the server (POST /import/<kind>): its rows as text, or the server's Thai message. */
async function readFile(kind: ImportKind, file: File, type: string): Promise<ParsedFile> {
  let response: Response;
  try {
    response = await fetch(`/import/${kind}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': type },
      body: file,
    });
  } catch {
    throw new ImportError(t.errors.network);
  }
  const body = (await response.json().catch(() => null)) as (Partial<ParsedFile> & { message?: string }) | null;
  if (!response.ok || !body || !Array.isArray(body.rows)) throw new ImportError(body?.message || t.errors.unknown);
  return { rows: body.rows, missingColumns: body.missingColumns ?? [], unknownColumns: body.unknownColumns ?? [] };
}

/** A problem with the file as a whole, in words for the user. */
class ImportError extends Error {}

/**
 * นำเข้าข้อมูล: the file goes to the server to be read; its rows then go back in chunks to the import
 * mutation of the kind, which checks and saves each row and says what became of it. The report keeps
 * the file's rows, so the refused ones can be downloaded, fixed and imported again.
 */
export function useImport() {
  const kind = ref<ImportKind>('laos');
  const file = shallowRef<File | null>(null);
  const phase = ref<'idle' | 'reading' | 'saving' | 'done'>('idle');
  const progress = reactive({ done: 0, total: 0 });
  const results = ref<ImportResult[]>([]);
  const fileRows = shallowRef<FileRow[]>([]);
  const unknownColumns = ref<string[]>([]);
  const message = ref('');

  const importLaos = useMutation(ImportLaosDocument).mutate;
  const importUsers = useMutation(ImportUsersDocument).mutate;
  const importPlanYears = useMutation(ImportPlanYearsDocument).mutate;

  function reset(): void {
    phase.value = 'idle';
    progress.done = 0;
    progress.total = 0;
    results.value = [];
    fileRows.value = [];
    unknownColumns.value = [];
    message.value = '';
  }
  watch(kind, reset);

  function choose(next: File | null): void {
    reset();
    file.value = next;
    if (next && !uploadType(next)) message.value = t.oversight.imports.badType;
  }

  /** Only the columns of the kind, each row keeping its row number in the file. */
  function inputRows(rows: FileRow[]) {
    const fields = IMPORT_COLUMNS[kind.value].map((c) => c.field as string);
    return rows.map((r) => {
      const out: Record<string, string> & { row: string } = { row: String(r.row) };
      for (const f of fields) if (r[f] !== undefined) out[f] = String(r[f]);
      return out;
    });
  }

  async function send(rows: ReturnType<typeof inputRows>): Promise<ImportResult[]> {
    if (kind.value === 'laos') return (await importLaos({ rows }))?.data?.importLaos ?? [];
    if (kind.value === 'users') return (await importUsers({ rows }))?.data?.importUsers ?? [];
    return (await importPlanYears({ rows }))?.data?.importPlanYears ?? [];
  }

  async function run(): Promise<void> {
    const chosen = file.value;
    if (!chosen) return;
    const type = uploadType(chosen);
    reset();
    if (!type) {
      message.value = t.oversight.imports.badType;
      return;
    }
    phase.value = 'reading';
    let parsed: ParsedFile;
    try {
      parsed = await readFile(kind.value, chosen, type);
    } catch (error) {
      message.value = error instanceof ImportError ? error.message : t.errors.unknown;
      phase.value = 'idle';
      return;
    }
    unknownColumns.value = parsed.unknownColumns;
    if (parsed.rows.length === 0) {
      message.value = t.oversight.imports.noRows;
      phase.value = 'idle';
      return;
    }
    fileRows.value = parsed.rows;
    progress.total = parsed.rows.length;
    phase.value = 'saving';
    const rows = inputRows(parsed.rows);
    for (let at = 0; at < rows.length; at += CHUNK) {
      const chunk = rows.slice(at, at + CHUNK);
      try {
        results.value = [...results.value, ...(await send(chunk))];
      } catch (error) {
        message.value = fmt(t.oversight.imports.stopped, { row: chunk[0].row, message: toApiError(error).message });
        break;
      }
      progress.done += chunk.length;
    }
    phase.value = 'done';
  }

  const counts = computed(() => {
    const list = results.value;
    return {
      total: progress.total,
      checked: list.length,
      // Rows never sent: the import stopped before them.
      skipped: phase.value === 'done' ? progress.total - list.length : 0,
      saved: list.filter((r) => r.ok).length,
      created: list.filter((r) => r.ok && r.outcome === 'CREATED').length,
      updated: list.filter((r) => r.ok && r.outcome === 'UPDATED').length,
      refused: list.filter((r) => !r.ok).length,
    };
  });
  const percent = computed(() => (progress.total ? Math.round((progress.done / progress.total) * 100) : 0));

  /** The refused rows as they were in the file, with the row number and why, to fix and import again. */
  function refusedCsv(): Blob {
    const words = t.oversight.imports;
    const columns = IMPORT_COLUMNS[kind.value];
    const byRow = new Map(fileRows.value.map((r) => [Number(r.row), r]));
    const header = [words.rowColumn, ...columns.map((c) => c.headers[1]), words.messageColumn];
    const rows = results.value
      .filter((r) => !r.ok)
      .map((r) => {
        const original = byRow.get(r.row);
        return [String(r.row), ...columns.map((c) => original?.[c.field] ?? ''), r.messages.join(' / ')];
      });
    return toCsv(header, rows);
  }

  function downloadRefused(): void {
    const url = URL.createObjectURL(refusedCsv());
    const a = document.createElement('a');
    a.href = url;
    a.download = fmt(t.oversight.imports.refusedFile, { kind: kind.value });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return { kind, file, phase, progress, percent, results, counts, unknownColumns, message, choose, run, downloadRefused };
}
