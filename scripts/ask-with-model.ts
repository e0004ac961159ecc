/**
 * `ingest` and `ask --batch --json` as CONTRACTS.md has them, with the configured models
 * (OPENAI_BASE_URL, LVZHI_CHAT_MODEL, LVZHI_EMBEDDING_MODEL) answering through the model
 * answerer: what the CLI's `ask` does once it is wired to the models. Used by eval-model-qa.
 */
import { spawnSync } from 'node:child_process';
import { loadSettings } from '../src/config.ts';
import { openKnowledgeBaseWithModel } from '../src/knowledge/model-answerer.ts';
import { openModels } from '../src/models/index.ts';
import { asAppError } from '../src/errors.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};

if (args[0] !== 'ask') {
  // Ingesting needs no chat model: the real CLI does it.
  const r = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { stdio: 'inherit' });
  process.exit(r.status ?? 2);
}

const settings = loadSettings();
const models = await openModels(settings);
const kb = await openKnowledgeBaseWithModel({ dataDir: option('--data', settings.LVZHI_DATA_DIR), embedder: models.embedder, chat: models.chat });
const k = Number(option('--k', '5'));
let input = '';
for await (const chunk of process.stdin) input += chunk;
for (const line of input.split(/\r?\n/).filter((l) => l.trim())) {
  try {
    const { question } = JSON.parse(line) as { question: string };
    process.stdout.write(JSON.stringify(await kb.ask(question, { k })) + '\n');
  } catch (thrown) {
    const error = asAppError(thrown);
    process.stdout.write(JSON.stringify({ error: { code: error.code, message: error.userMessage } }) + '\n');
  }
}
kb.close();
