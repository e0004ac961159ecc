/**
 * A process that starts an atomic write and stalls half-way, so a test can SIGKILL it there:
 * `node --import tsx atomic-writer-child.ts TARGET MARKER`. The first part is written, then
 * MARKER is created and the process waits (blocking, as a long synchronous write would).
 */
import { writeFileSync } from 'node:fs';
import { writeFileAtomic } from '../../src/storage/index.ts';

const [target, marker] = process.argv.slice(2);

function* stalling(): Generator<Uint8Array> {
  yield Buffer.from('new content, first half;');
  writeFileSync(marker, String(process.pid));
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  yield Buffer.from('second half');
}

writeFileAtomic(target, stalling());
