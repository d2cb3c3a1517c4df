import type { CustomTableLayout } from 'pdfmake/interfaces';

/**
 * Table rules of the printed reports, by name. A document names its layout (`layout: 'grid'`) rather
 * than carrying the functions: documents cross to a render worker as plain data (render-pool.ts).
 */
export const TABLE_LAYOUTS = {
  /** Thin rules around every cell, little padding: the tables of every report. */
  grid: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 },
} satisfies Record<string, CustomTableLayout>;

export type TableLayoutName = keyof typeof TABLE_LAYOUTS;
