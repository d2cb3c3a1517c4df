/**
 * Table rows kept whole when they can be, split when they must, never dropped.
 *
 * pdfmake can keep every row of a table on one page (`dontBreakRows`), but a row taller than a page is
 * then cut to its first page and the rest silently dropped; without it, any row at the foot of a page
 * is split, a three-line project name over two pages. A table marked `keepRowsWhole` gets the first
 * for every body row; the rows found taller than a page while laying out are remembered and the layout
 * run once more with those rows allowed to split: they go on over the next page under the repeated
 * header. Rows that tall are rare (a note of some 500 letters or more), so the layout is seldom run twice.
 */

interface TableNode {
  table: { keepRowsWhole?: boolean; body: unknown[]; _rowsTallerThanAPage?: Set<number> };
}

interface Context {
  y: number;
  pageMargins: { top: number; bottom: number };
  getCurrentPage(): { pageSize: { height: number } };
}

interface Writer {
  transactionLevel: number;
  repeatables: Array<{ height: number }>;
  contextStack: Context[];
  context(): Context;
  _keptRow?: { table: TableNode['table']; row: number } | null;
}

/** A pdfmake table (its `table` object) whose body rows are kept whole when they fit on a page. */
export const rowsKeptWhole = <T extends object>(table: T): T => ({ ...table, keepRowsWhole: true });

/** How many rows kept whole have turned out taller than a page, in this process. */
let tallRowsFound = 0;

let installed = false;

/** Installs the above in pdfmake (once per process). */
export function keepTableRowsWhole(): void {
  if (installed) return;
  installed = true;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const TableProcessor = require('pdfmake/js/TableProcessor').default as {
    prototype: {
      tableNode: TableNode;
      headerRows: number;
      dontBreakRows: boolean;
      beginRow(rowIndex: number, writer: Writer): void;
      endRow(rowIndex: number, writer: Writer, pageBreaks: unknown): void;
    };
  };
  const PageElementWriter = require('pdfmake/js/PageElementWriter').default as {
    prototype: { commitUnbreakableBlock(this: Writer, x?: number, y?: number): void };
  };
  const LayoutBuilder = require('pdfmake/js/LayoutBuilder').default as {
    prototype: { linearNodeList: Array<{ resetXY?: () => void }>; tryLayoutDocument(...args: unknown[]): unknown };
  };
  /* eslint-enable @typescript-eslint/no-require-imports */

  const kept = (p: typeof TableProcessor.prototype, row: number) => {
    const table = p.tableNode.table;
    return table.keepRowsWhole === true && row >= p.headerRows && !table._rowsTallerThanAPage?.has(row);
  };

  // pdfmake reads dontBreakRows row by row (beginRow, processRow, endRow): set it for each row.
  const beginRow = TableProcessor.prototype.beginRow;
  TableProcessor.prototype.beginRow = function (rowIndex, writer) {
    if (this.tableNode.table.keepRowsWhole) {
      this.dontBreakRows = kept(this, rowIndex);
      writer._keptRow = this.dontBreakRows ? { table: this.tableNode.table, row: rowIndex } : null;
    }
    beginRow.call(this, rowIndex, writer);
  };
  const endRow = TableProcessor.prototype.endRow;
  TableProcessor.prototype.endRow = function (rowIndex, writer, pageBreaks) {
    endRow.call(this, rowIndex, writer, pageBreaks);
    if (this.tableNode.table.keepRowsWhole) writer._keptRow = null;
  };

  const commit = PageElementWriter.prototype.commitUnbreakableBlock;
  PageElementWriter.prototype.commitUnbreakableBlock = function (this: Writer, x?: number, y?: number) {
    const keptRow = this._keptRow;
    // The row was laid out as one block with no page end; the page it would go to has the repeated
    // header at its top.
    if (keptRow && this.transactionLevel === 1) {
      const page = this.contextStack[this.contextStack.length - 1];
      const room =
        page.getCurrentPage().pageSize.height -
        page.pageMargins.top -
        page.pageMargins.bottom -
        this.repeatables.reduce((sum, r) => sum + r.height, 0);
      if (this.context().y > room) {
        // pdfmake keeps only what fits on one page: the layout is run again (below) with this row split.
        (keptRow.table._rowsTallerThanAPage ??= new Set()).add(keptRow.row);
        tallRowsFound++;
      }
    }
    return commit.call(this, x, y);
  };

  const tryLayout = LayoutBuilder.prototype.tryLayoutDocument;
  LayoutBuilder.prototype.tryLayoutDocument = function (...args: unknown[]) {
    for (;;) {
      const found = tallRowsFound;
      const result = tryLayout.apply(this, args);
      if (tallRowsFound === found) return result;
      for (const node of this.linearNodeList ?? []) node.resetXY?.();
    }
  };
}
