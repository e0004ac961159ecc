/** `docs`, `remove` and `status` (CONTRACTS.md, "Knowledge base"): the documents themselves. */
import { UserError } from '../errors.ts';
import { type DocumentChange, type DocumentStatus, STATUS_WORDS, catalogMessages as m } from '../knowledge/index.ts';
import { type CliCommand, type CliContext } from './command.ts';
import { actingPerson } from './log-commands.ts';


function oneDocument(ctx: CliContext, usage: string): string {
  const doc = ctx.positionals[0]?.trim();
  if (!doc) throw new UserError('no_document', usage);
  return doc;
}

/** Who is acting (`--by`, else the operating-system user), as the audit trail names them. */
function cliChange(ctx: CliContext): DocumentChange {
  return { ...actingPerson(ctx), channel: 'cli' };
}

/** A status as typed (in_force, superseded, or its Chinese word). */
export function readStatus(word: string | undefined): DocumentStatus {
  const status = word === undefined ? undefined : STATUS_WORDS[word.trim()];
  if (!status) throw new UserError('bad_status', m.badStatus(word ?? ''));
  return status;
}

const docs: CliCommand = {
  name: 'docs',
  summary: m.commandSummaryDocs,
  valueOptions: [],
  async run(ctx) {
    const documents = await (await ctx.parts.knowledge()).documents();
    return { json: { documents }, text: m.documentList(documents) };
  },
};

const remove: CliCommand = {
  name: 'remove',
  summary: m.commandSummaryRemove,
  valueOptions: ['by'],
  async run(ctx) {
    const doc = oneDocument(ctx, m.commandSummaryRemove);
    const removed = await (await ctx.parts.knowledge()).remove(doc, cliChange(ctx));
    if (!removed) throw new UserError('unknown_document', m.unknownDocument(doc));
    return { json: { removed }, text: m.removed(removed.doc, removed.passages) };
  },
};

const status: CliCommand = {
  name: 'status',
  summary: m.commandSummaryStatus,
  valueOptions: ['by'],
  async run(ctx) {
    const doc = oneDocument(ctx, m.commandSummaryStatus);
    const wanted = readStatus(ctx.positionals[1]);
    const supersededBy = ctx.positionals[2];
    const document = await (await ctx.parts.knowledge()).setStatus(doc, wanted, { supersededBy, change: cliChange(ctx) });
    return { json: { document }, text: m.statusSet(document.doc, document.status) };
  },
};

/** `docs`, `remove` and `status`. */
export const documentCommands: CliCommand[] = [docs, remove, status];
