/**
 * An ingest waits for its index builds when they lag too far behind (so a million passages
 * are never queued in memory at once), and never waits forever for a worker that is gone.
 */
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { WorkerBacklog } from '../../src/knowledge/search/worker-backlog.ts';
import { stopWhenLoaded, whenLoaded } from '../../src/knowledge/search/worker-stop.ts';

// A stand-in build worker: acknowledges each batch only when told to (a slow graph build).
const SLOW_WORKER = `
const { parentPort } = require('node:worker_threads');
const held = [];
parentPort.on('message', (m) => {
  if (m.type === 'add') held.push(m.count);
  else if (m.type === 'release') for (const count of held.splice(0)) parentPort.postMessage({ type: 'done', count });
});`;

describe('the backlog of a background index build', () => {
  it('holds the ingest while more than the limit is queued, and lets it go once the worker caught up', async () => {
    const worker = new Worker(SLOW_WORKER, { eval: true });
    try {
      const backlog = new WorkerBacklog(worker);
      for (let i = 0; i < 3; i++) {
        backlog.sent(100);
        worker.postMessage({ type: 'add', count: 100 });
      }
      let released = false;
      const waiting = backlog.below(100).then(() => {
        released = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(released).toBe(false);
      worker.postMessage({ type: 'release' });
      await waiting;
      expect(released).toBe(true);
      await expect(backlog.below(0)).resolves.toBeUndefined();
    } finally {
      await worker.terminate();
    }
  });

  it('keeps the process alive while the ingest waits, as a CLI ingest has nothing else running', () => {
    // A process whose only handle is an unref'd worker acknowledging after 300 ms: the wait must hold it open.
    const script = `
      import { Worker } from 'node:worker_threads';
      import { WorkerBacklog } from ${JSON.stringify(new URL('../../src/knowledge/search/worker-backlog.ts', import.meta.url).href)};
      const worker = new Worker("const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => setTimeout(() => parentPort.postMessage({ type: 'done', count: m.count }), 300))", { eval: true });
      const backlog = new WorkerBacklog(worker);
      worker.unref();
      backlog.sent(10);
      worker.postMessage({ count: 10 });
      await new Promise((resolve) => setTimeout(resolve, 50)); // the message is delivered; only the wait is left
      await backlog.below(0);
      console.log('caught up');
      await worker.terminate();`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('caught up');
    expect(run.status).toBe(0);
  });

  it('never keeps an ingest waiting on a worker that stopped', async () => {
    const worker = new Worker(SLOW_WORKER, { eval: true });
    const backlog = new WorkerBacklog(worker);
    backlog.sent(500);
    worker.postMessage({ type: 'add', count: 500 });
    const waiting = backlog.below(0);
    await worker.terminate();
    await expect(waiting).resolves.toBeUndefined();
  });
});

describe('stopping a build nobody needed', () => {
  // A worker terminated while it loads may take the whole process down (an ingest that changed
  // nothing cancels the build it just began). The graph's worker is never terminated: it stops
  // itself, at once or mid-build (graph-cancel.test.ts).
  it.each(['lexical-build-worker.mjs'])('lets the real %s finish loading before it is terminated', async (file) => {
    const workerData = { dimensions: 8, m: 16, efConstruction: 50, seed: 1, capacity: 16 };
    const worker = new Worker(new URL(`../../src/knowledge/search/${file}`, import.meta.url), { workerData, execArgv: [] });
    const seen: string[] = [];
    worker.on('message', (m: { type?: string }) => seen.push(m.type ?? '?'));
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    stopWhenLoaded(worker, whenLoaded(worker)); // at once, as an ingest with nothing new does
    await exited;
    expect(seen).toEqual(['ready']);
  });
});
