/**
 * Runs ../shared/eval/qa.mjs twice through the real CLI: offline, and with a chat model
 * configured (the quoting stand-in) answering through the model answerer, so the figures
 * can be compared. Retrieval (recall, MRR) must not move; answers keep their gold passage.
 *
 *   npx tsx scripts/eval-model-qa.ts
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startQuotingStandIn } from './model-stand-in.ts';

const qa = resolve('../shared/eval/qa.mjs');
if (!existsSync(qa)) {
  console.warn('../shared/eval/qa.mjs is absent: nothing to evaluate.');
  process.exit(0);
}

/** Run qa.mjs without blocking this process: the stand-in serves from its event loop. */
function run(label: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done) => {
    const child = spawn('node', [qa], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { err += c; });
    child.on('close', (status) => {
      process.stdout.write(`${label}\n${out}${status === 0 ? '' : err.slice(-2000)}\n`);
      done();
    });
  });
}

const service = await startQuotingStandIn();
try {
  await run('offline (the CLI as it is):', { LVZHI_CHAT_MODEL: '', OPENAI_BASE_URL: '' });
  await run(`with a chat model (stand-in at ${service.baseURL}):`, {
    OPENAI_BASE_URL: service.baseURL,
    LVZHI_CHAT_MODEL: 'stand-in-quoter',
    LVZHI_EMBEDDING_MODEL: '',
  });
  const chats = service.chatRequests().length;
  process.stdout.write(`model requests: ${chats}\n`);
} finally {
  await service.close();
}
