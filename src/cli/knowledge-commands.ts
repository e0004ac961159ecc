/** `ingest` and `ask` (CONTRACTS.md, "Knowledge base"). */
import { UserError } from '../errors.ts';
import {
  type Answer, type IngestReport, type KnowledgeBase, MAX_K, readScopeName, citedSources, knowledgeMessages as m,
} from '../knowledge/index.ts';
import { MAX_QUESTION_CHARS, boundQuestion, inputMessages } from '../input/index.ts';
import { explainFailure } from '../storage/index.ts';
import { type CliCommand, type CliContext, stringOption } from './command.ts';
import { batchHelp } from './messages.ts';

function readK(ctx: CliContext): number {
  const raw = stringOption(ctx, 'k');
  if (raw === undefined) return 5;
  const k = Number(raw);
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw new UserError('bad_k', m.badK(raw));
  return k;
}

function ingestText(report: IngestReport): string {
  return [
    m.ingestSummary({ ...report, skipped: report.skipped.length }),
    ...report.skipped.map((s) => m.skippedLine(s.path, s.reason)),
    ...report.notes.map((n) => m.noteLine(n.path, n.note)),
  ].join('\n');
}

/** The answer and the sources it cites (the JSON form keeps all k, for evaluation), and a note when the question was cut. */
function answerText(answer: Answer & { note?: string }): string {
  const sources = citedSources(answer)
    .filter(({ n }) => !answer.answer.includes(`[${n}] 《`)) // quoted with its own citation line
    .map(({ n, source: s }) => m.sourceLine(n, s.title, s.location, s.doc, s.score));
  const note = answer.note ? ['', answer.note] : [];
  return sources.length ? [answer.answer, '', m.sourcesHeading, ...sources, ...note].join('\n') : [answer.answer, ...note].join('\n');
}

/** Ask, and say so (`note`) when the question was longer than the knowledge base reads. */
async function askNoted(kb: KnowledgeBase, question: string, k: number): Promise<Answer & { note?: string }> {
  const answer = await kb.ask(question, { k });
  return boundQuestion(question).truncated ? { ...answer, note: inputMessages.questionCut(MAX_QUESTION_CHARS) } : answer;
}

/** `--scope 代表工委`: a department name (any name: its people are mapped in LVZHI_SCOPES). */
function readScope(value: string | undefined): string | undefined {
  return value === undefined ? undefined : readScopeName(value);
}

const ingest: CliCommand = {
  name: 'ingest',
  summary: m.commandSummaryIngest,
  valueOptions: ['scope'],
  async run(ctx) {
    if (!ctx.positionals.length) throw new UserError('no_paths', m.noPaths);
    const scope = readScope(stringOption(ctx, 'scope'));
    // The configured embedder, as `npm start` uses: another one would rebuild the index each time.
    const kb = await ctx.parts.knowledge();
    // Ctrl-C during a long scan stops it cleanly: the file is skipped, what is stored stays, the
    // report still prints. A second Ctrl-C ends the process as usual.
    const controller = new AbortController();
    const stopListening = ctx.onInterrupt(() => controller.abort());
    try {
      const report = await kb.ingest(ctx.positionals, {
        signal: controller.signal,
        scope,
        // A first folder named like a department (LVZHI_SCOPES) puts its files in that department.
        departments: ctx.parts.settings.LVZHI_SCOPES.map((d) => d.name),
        // Progress goes to stderr: stdout stays the one JSON object or the summary.
        onOcrProgress: (done, total, path) => ctx.note(m.ocrProgress(done, total, path)),
        // This process ends after the command: the next one opens a whole index (vector graph included).
        wholeIndex: true,
      });
      return { json: report, text: ingestText(report) };
    } finally {
      stopListening();
    }
  },
};

/**
 * One line of `ask --batch` input → one output line (an answer, or an error object). A line
 * starting with `{` is JSON Lines ({"question": "…"}); any other line is the question itself.
 */
async function answerLine(kb: KnowledgeBase, line: string, k: number): Promise<unknown> {
  let question: unknown = line.trim();
  if (line.trimStart().startsWith('{')) {
    try {
      question = (JSON.parse(line) as { question?: unknown }).question;
    } catch {
      question = undefined;
    }
  }
  if (typeof question !== 'string') return { error: { code: 'bad_line', message: m.badBatchLine } };
  try {
    return await askNoted(kb, question, k);
  } catch (thrown) {
    const error = explainFailure(thrown);
    return { error: { code: error.code, message: error.userMessage } };
  }
}

const ask: CliCommand = {
  name: 'ask',
  summary: m.commandSummaryAsk,
  help: batchHelp.ask,
  valueOptions: ['k'],
  async run(ctx) {
    const k = readK(ctx);
    const batch = ctx.options.batch === true;
    const question = ctx.positionals.join(' ').trim();
    if (!batch && !question) throw new UserError('empty_question', m.emptyQuestion);
    const kb = await ctx.parts.knowledge();
    if (!batch) {
      const answer = await askNoted(kb, question, k);
      return { json: answer, text: answerText(answer) };
    }
    const lines = (await ctx.readStdin()).split(/\r?\n/).filter((l) => l.trim());
    for (const line of lines) {
      const result = await answerLine(kb, line, k);
      if (ctx.json) ctx.writeLine(JSON.stringify(result));
      else ctx.writeLine(isAnswer(result) ? answerText(result) + '\n' : (result as { error: { message: string } }).error.message);
    }
  },
};

function isAnswer(value: unknown): value is Answer {
  return typeof value === 'object' && value !== null && 'answer' in value;
}

/** `ingest` and `ask`. */
export const knowledgeCommands: CliCommand[] = [ingest, ask];
