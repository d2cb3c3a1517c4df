/**
 * Reads a PDF with the engines of the viewers officials use, for tests/support/pdf-text.ts (a child
 * process: pdf.js is an ES module, which the test runner cannot load).
 *
 *   node tests/support/pdf-read.mjs <file.pdf> <request>...
 *
 * Requests: `pdfjs` (pages as pdf.js, Firefox's engine, gives them to copy and search), `pdfium` (as
 * PDFium, Chrome's and Edge's, does), `info` (title, language and DisplayDocTitle as pdf.js reads them),
 * `find=<text>` (how often PDFium's own search, the one Chrome's find bar runs, finds the text).
 * Prints one JSON object keyed by request.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [file, ...requests] = process.argv.slice(2);
const bytes = fs.readFileSync(file);
const out = {};

async function withPdfjs(use) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    await use(doc);
  } finally {
    await doc.destroy();
  }
}

async function withPdfium(use) {
  const { init } = require('@embedpdf/pdfium');
  const pdfium = await init({ wasmBinary: fs.readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm')) });
  pdfium.PDFiumExt_Init();
  const memory = pdfium.pdfium.wasmExports;
  const data = memory.malloc(bytes.length);
  pdfium.pdfium.HEAPU8.set(bytes, data);
  const doc = pdfium.FPDF_LoadMemDocument(data, bytes.length, '');
  if (!doc) throw new Error(`PDFium cannot open the document (error ${pdfium.FPDF_GetLastError()})`);
  const pages = [];
  try {
    for (let i = 0; i < pdfium.FPDF_GetPageCount(doc); i++) {
      const page = pdfium.FPDF_LoadPage(doc, i);
      const text = pdfium.FPDFText_LoadPage(page);
      pages.push({ page, text });
    }
    await use(pdfium, pages);
  } finally {
    for (const { page, text } of pages) {
      pdfium.FPDFText_ClosePage(text);
      pdfium.FPDF_ClosePage(page);
    }
    pdfium.FPDF_CloseDocument(doc);
    memory.free(data);
  }
}

const pdfjsRequests = requests.filter((r) => r === 'pdfjs' || r === 'info');
if (pdfjsRequests.length) {
  await withPdfjs(async (doc) => {
    if (requests.includes('pdfjs')) {
      const pages = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        pages.push(content.items.map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join(''));
      }
      out.pdfjs = pages;
    }
    if (requests.includes('info')) {
      const { info } = await doc.getMetadata();
      const preferences = (await doc.getViewerPreferences()) ?? {};
      out.info = { title: info.Title ?? null, language: info.Language ?? null, displayDocTitle: preferences.DisplayDocTitle ?? false };
    }
  });
}

const pdfiumRequests = requests.filter((r) => r === 'pdfium' || r.startsWith('find='));
if (pdfiumRequests.length) {
  await withPdfium(async (pdfium, pages) => {
    const memory = pdfium.pdfium.wasmExports;
    if (requests.includes('pdfium')) {
      out.pdfium = pages.map(({ text }) => {
        const count = pdfium.FPDFText_CountChars(text);
        const buffer = memory.malloc((count + 1) * 2);
        pdfium.FPDFText_GetText(text, 0, count, buffer);
        const result = pdfium.pdfium.UTF16ToString(buffer);
        memory.free(buffer);
        return result;
      });
    }
    for (const request of requests.filter((r) => r.startsWith('find='))) {
      const needle = request.slice('find='.length);
      const size = (needle.length + 1) * 2;
      const query = memory.malloc(size);
      pdfium.pdfium.stringToUTF16(needle, query, size);
      let found = 0;
      for (const { text } of pages) {
        const search = pdfium.FPDFText_FindStart(text, query, 0, 0);
        while (pdfium.FPDFText_FindNext(search)) found++;
        pdfium.FPDFText_FindClose(search);
      }
      memory.free(query);
      out[request] = found;
    }
  });
}

process.stdout.write(JSON.stringify(out));
