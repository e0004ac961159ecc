// Builds the BM25 index in a worker thread while the main thread loads, chunks and stores
// files: passages arrive in batches ('add') and are tokenized at once; on 'finish' the index
// is frozen and written (temporary name, then rename) to `path`. Plain ESM: in dist/ (what
// `npm start` and the CLI run) it imports the compiled tokenizer beside it; in src/ (tests,
// tsx) it registers tsx itself and imports the TypeScript, so it loads under any runner.
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const compiled = existsSync(new URL('./lexical-build.js', import.meta.url));
if (!compiled) (await import('tsx/esm/api')).register();
const extension = compiled ? '.js' : '.ts';
const { LexicalFeeder } = await import(`./lexical-build${extension}`);
const { defaultTokenizer } = await import(`./tokenizer${extension}`);
const feeder = new LexicalFeeder(defaultTokenizer());
// Loaded (its modules and the tokenizer): only now may the main thread terminate this worker.
parentPort.postMessage({ type: 'ready' });
let failure; // reported at 'finish', the only message the main thread waits for

parentPort.on('message', (message) => {
  try {
    if (message.type === 'add') {
      // Passages to tokenize, or passages the ingest's thread tokenized while this worker lagged.
      if (!failure && message.passages) for (const passage of message.passages) feeder.add(passage);
      if (!failure && message.tokenized) for (const passage of message.tokenized) feeder.addTokenized(passage);
      parentPort.postMessage({ type: 'done', count: (message.passages ?? message.tokenized).length }); // the ingest's backlog
      return;
    }
    if (failure) throw failure;
    // The arrays alone (no search structures: a vocabulary map, per-unit scratch) are written,
    // the grouped postings a range of terms at a time (never whole beside the builder).
    feeder.builder.writeFrozen(message.path, message.generation);
    parentPort.postMessage({ type: 'finished', ok: true });
  } catch (error) {
    if (message.type === 'add') {
      failure = error;
      parentPort.postMessage({ type: 'done', count: (message.passages ?? message.tokenized).length });
      return;
    }
    parentPort.postMessage({ type: 'finished', ok: false, message: String(error && error.stack ? error.stack : error) });
  }
});
