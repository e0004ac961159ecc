/**
 * The resting-memory probe of the knowledge bench, run as a fresh process so nothing of the
 * bench's ingest is in it: open a data folder as `npm start` does (the compiled app's
 * `openServices`), answer one question through the assistant, let the garbage collector run,
 * and print the process's RSS as JSON — after opening, at rest after the answer, and its own peak
 * (VmHWM: maxRSS would carry the bench's memory over from the fork, own-peak.mjs).
 * Plain JavaScript over dist/ (no tsx in the figure). Needs `node --expose-gc`.
 * Usage: node --expose-gc scripts/bench-resting-child.mjs <data folder> <question>
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, build, isStale } from './build.mjs';
import { ownPeakRssMb } from './own-peak.mjs';

const [dataDir, question] = process.argv.slice(2);
// The compiled app as `npm start` runs it: built first when src/ is newer (tsc runs in a process of its own).
if (isStale()) build({ onlyIfStale: true });
const mb = (bytes) => Math.round(bytes / 1024 / 1024);
const rest = async () => {
  // Two collections with a turn between: finalisers and weak references settle before the reading.
  globalThis.gc();
  await new Promise((resolve) => setImmediate(resolve));
  globalThis.gc();
  return process.memoryUsage().rss;
};

const { openServices } = await import(pathToFileURL(join(ROOT, 'dist', 'app.js')).href);
const { loadSettings } = await import(pathToFileURL(join(ROOT, 'dist', 'config.js')).href);
const services = await openServices({ dataDir, settings: loadSettings({}) });
try {
  const opened = await rest();
  const reply = await services.assistant.handle({
    platform: 'terminal', userId: 'local', userName: 'bench', chatId: 'local', threadId: 'terminal:bench', text: question,
  });
  const resting = await rest();
  process.stdout.write(JSON.stringify({
    opened_rss_mb: mb(opened),
    resting_rss_mb: mb(resting),
    peak_rss_mb: ownPeakRssMb(),
    answered: reply.text.length > 0,
  }) + '\n');
} finally {
  await services.close();
}
