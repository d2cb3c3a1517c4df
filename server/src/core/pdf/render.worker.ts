import { parentPort } from 'node:worker_threads';
import type { RenderJob } from './render-pool';
import { renderHere } from './pdf';

/**
 * A render worker (render-pool.ts): takes one document at a time as plain data, answers with the PDF's
 * bytes (moved, not copied, to the event loop) or the error's text, and waits for the next.
 */
parentPort!.on('message', (job: RenderJob) => {
  renderHere(job).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf);
      parentPort!.postMessage({ pdf: bytes }, [bytes.buffer]);
    },
    (err: unknown) => parentPort!.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
