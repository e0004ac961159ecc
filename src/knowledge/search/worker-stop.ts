/**
 * Stopping a build worker safely. A worker terminated while it is still loading its modules —
 * hnswlib-node's native addon registering itself — takes the whole process down with a fatal
 * N-API error, not an exception anyone can catch (seen when an ingest with nothing new cancels
 * the build it had just started). So each worker posts `{ type: 'ready' }` once loaded, and a
 * cancelled build is terminated only after that (or once the worker is gone of itself).
 */
import type { Worker } from 'node:worker_threads';

/** Resolves once the worker has posted `ready`, exited or failed. Call right after creating it. */
export function whenLoaded(worker: Worker): Promise<void> {
  return new Promise<void>((resolve) => {
    const onMessage = (message: { type?: string }): void => {
      if (message?.type !== 'ready') return;
      worker.off('message', onMessage);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('exit', () => resolve());
    worker.once('error', () => resolve());
  });
}

/** Terminate the worker once it has loaded; it keeps the process alive until then. */
export function stopWhenLoaded(worker: Worker, loaded: Promise<void>): void {
  worker.ref();
  void loaded.then(() => worker.terminate());
}
