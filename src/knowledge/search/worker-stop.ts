/**
 * Stopping the keyword build worker safely. A worker terminated while it is still loading its
 * modules (seen when an ingest with nothing new cancels the build it had just started: then with
 * hnswlib-node's native addon registering itself, a fatal N-API error for the whole process) is
 * not terminated before it says it has loaded: it posts `{ type: 'ready' }`, and a cancelled build
 * is terminated only after that (or once the worker is gone of itself). The graph's worker is
 * never terminated at all, since terminating it inside hnswlib is fatal too: it stops itself
 * (vector-index.ts, `BackgroundIndexBuild.cancel`). */
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
