/**
 * Work pdfkit does for every document that a process rendering many documents does once, or more
 * cheaply, with the same bytes out. Installed once per process by pdf.ts (setUp), in each render worker.
 */

interface FontkitTable {
  tag: string;
}

interface FontkitTtf {
  stream: { buffer: object };
  _tables: Record<string, unknown>;
  _decodeTable(table: FontkitTable): unknown;
}

/** A fontkit font as pdfkit's EmbeddedFont holds it. */
interface FontkitFont<Subset> {
  postscriptName: string;
  createSubset(): Subset;
}

/** The parts of pdfkit's EmbeddedFont (one embedded font of one document) that are replaced here. */
export interface DocumentFont<Subset> {
  font: FontkitFont<Subset>;
  subset: Subset;
}

/**
 * pdfkit parses its fonts anew for every document (fontkit.create on the same bytes), and decoding the
 * tables (glyf, GSUB, GPOS…) took a large part of a document's time. The decoded tables are kept per
 * font file and shared by every later document: they are read-only once decoded.
 */
export function shareParsedFontTables(sample: Buffer): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fontkit = require('fontkit') as { create(data: Buffer): object };
  const ttf = Object.getPrototypeOf(fontkit.create(sample)) as {
    _getTable(this: FontkitTtf, table: FontkitTable): unknown;
  };
  const decoded = new WeakMap<object, Record<string, unknown>>();
  const getTable = ttf._getTable;
  ttf._getTable = function (this: FontkitTtf, table: FontkitTable) {
    let tables = decoded.get(this.stream.buffer);
    if (!tables) decoded.set(this.stream.buffer, (tables = {}));
    if (!(table.tag in tables)) tables[table.tag] = getTable.call(this, table);
    return (this._tables[table.tag] = tables[table.tag]);
  };
}

/** The first fontkit font of each font (by PostScript name) that a document of this process embedded. */
const fontkitFonts = new Map<string, FontkitFont<unknown>>();

/**
 * Makes a document's embedded font use the process's one fontkit font of that file, so that its glyphs
 * (each decoded on first use: outline, metrics) serve every document instead of being decoded again
 * for each one. Called before the document draws anything with the font: its subset (the glyphs the
 * document embeds) is made afresh from the shared font, as pdfkit made it.
 */
export function shareFontkitFont<Subset>(font: DocumentFont<Subset>): void {
  const shared = fontkitFonts.get(font.font.postscriptName) as FontkitFont<Subset> | undefined;
  if (!shared) fontkitFonts.set(font.font.postscriptName, font.font);
  else if (shared !== font.font) {
    font.font = shared;
    font.subset = shared.createSubset();
  }
}

interface PdfReference {
  buffer: unknown[];
  /** Text written since the last bytes, in order, each piece with its line end. */
  _lines?: string[];
  write(chunk: string | Uint8Array): void;
  finalize(): void;
}

/**
 * pdfkit turns every line it writes to a stream (each drawing operator of a page: thousands in a
 * document) into a Buffer of its own, and then concatenates them. Here a stream's lines are kept as
 * text and made into one Buffer when bytes follow or the stream ends: the same bytes, in one piece.
 */
export function writeStreamsInOnePiece(documentPrototype: { ref(data?: unknown): PdfReference }): void {
  const ref = documentPrototype.ref;
  let installed = false;
  documentPrototype.ref = function (this: unknown, data?: unknown) {
    const made = ref.call(this, data);
    if (!installed) {
      installed = true;
      const reference = Object.getPrototypeOf(made) as PdfReference;
      const write = reference.write;
      const finalize = reference.finalize;
      const flush = (self: PdfReference) => {
        if (!self._lines?.length) return;
        const text = self._lines.join('');
        self._lines = [];
        write.call(self, Buffer.from(text, 'latin1'));
      };
      reference.write = function (this: PdfReference, chunk: string | Uint8Array) {
        if (chunk instanceof Uint8Array) {
          flush(this);
          write.call(this, chunk);
        } else (this._lines ??= []).push(chunk + '\n');
      };
      reference.finalize = function (this: PdfReference) {
        flush(this);
        finalize.call(this);
      };
    }
    return made;
  };
}
