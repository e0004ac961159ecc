// Builds the BM25 index in a worker thread while the main thread loads, chunks and stores
// files: passages arrive in batches ('add') and are tokenized at once; on 'finish' the index
// is frozen and written (temporary name, then rename) to `path`. Plain ESM that registers
// tsx itself, so it loads the TypeScript tokenizer under any runner (node, tsx, vitest).
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { LexicalFeeder } = await import('./lexical-build.ts');
const { defaultTokenizer } = await import('./tokenizer.ts');
const feeder = new LexicalFeeder(defaultTokenizer());
let failure; // reported at 'finish', the only message the main thread waits for

parentPort.on('message', (message) => {
  try {
    if (message.type === 'add') {
      if (!failure) for (const passage of message.passages) feeder.add(passage);
      return;
    }
    if (failure) throw failure;
    feeder.builder.finish(message.generation).save(message.path);
    parentPort.postMessage({ ok: true });
  } catch (error) {
    if (message.type === 'add') {
      failure = error;
      return;
    }
    parentPort.postMessage({ ok: false, message: String(error && error.stack ? error.stack : error) });
  }
});
