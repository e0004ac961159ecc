/** `draft` (CONTRACTS.md, "Drafting"). */
import { isValidIsoDate, today } from '../time/index.ts';
import type { Taxonomy } from '../reader/index.ts';
import { describeBasis, draftToDocx, type Draft } from '../drafting/index.ts';
import { UserError } from '../errors.ts';
import { writeFileAtomic } from '../storage/index.ts';
import { stringOption, type CliCommand, type CliContext } from './command.ts';
import { cliMessages, commandSummaries } from './messages.ts';

function dateOption(ctx: CliContext, name: string): string | undefined {
  const value = stringOption(ctx, name);
  if (value !== undefined && !isValidIsoDate(value)) {
    throw new UserError('bad_date', cliMessages.badDateOption(name, value));
  }
  return value;
}

function draftText(draft: Draft, taxonomy: Taxonomy, docx?: string): string {
  return [
    draft.text,
    '',
    describeBasis(draft, taxonomy),
    ...(draft.note ? [cliMessages.draftNote(draft.note)] : []),
    ...(docx ? [cliMessages.draftSaved(docx)] : []),
  ].join('\n');
}

/** The drafter's asking back, not a fault of the command line (bad_date, docx_failed still are). */
const ASKS_BACK = new Set<string>(['unknown_topic', 'bad_period', 'no_previous_draft']);

const draft: CliCommand = {
  name: 'draft',
  summary: commandSummaries.draft,
  valueOptions: ['from', 'to', 'now', 'docx'],
  async run(ctx) {
    const request = ctx.positionals.join(' ');
    const from = dateOption(ctx, 'from');
    const to = dateOption(ctx, 'to');
    const now = dateOption(ctx, 'now') ?? today();
    const docx = stringOption(ctx, 'docx');
    const taxonomy = ctx.parts.taxonomy();
    // One drafter over one database connection, the same as the assistant's (services.ts).
    const drafter = await ctx.parts.drafter();
    let result: Draft;
    try {
      result = await drafter.draft({ request, from, to, now });
    } catch (error) {
      // A request the drafter cannot fill (no topic, a period still to come, a plan, no earlier draft)
      // is answered with what to ask instead, and the command succeeds: asking back is no failure.
      // A period given by --from/--to that cannot be (from after to) is the command line's own bad input: exit 1.
      const flagsWrong = error instanceof UserError && error.code === 'bad_period' && (from !== undefined || to !== undefined);
      if (error instanceof UserError && ASKS_BACK.has(error.code) && !flagsWrong) {
        return { json: { ask: { code: error.code, message: error.userMessage }, text: '', facts: [], sources: [] }, text: error.userMessage };
      }
      throw error;
    }
    if (docx) {
      const bytes = await draftToDocx(result.document, { leadIn: ctx.parts.settings.LVZHI_DRAFT_LEAD_IN });
      try {
        writeFileAtomic(docx, bytes);
      } catch (cause) {
        throw new UserError('docx_failed', cliMessages.draftNotSaved(docx), { cause });
      }
    }
    // The entries each fact counts are for the web page's links; the command prints CONTRACTS.md's shape.
    const { document: _layout, ...rest } = result;
    const json = { ...rest, facts: rest.facts.map(({ ids: _ids, ...fact }) => fact) };
    return { json: docx ? { ...json, docx } : json, text: draftText(result, taxonomy, docx) };
  },
};

/** `draft`. */
export const draftCommands: CliCommand[] = [draft];
