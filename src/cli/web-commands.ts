/** `web-link` (CONTRACTS.md, "Running the assistant"): a one-time login link for the web console. */
import { createAccess } from '../assistant/index.ts';
import { ACCESS_FORMS } from '../channels/index.ts';
import { UserError } from '../errors.ts';
import { createLinkIssuer, webMessages } from '../web/index.ts';
import { stringOption, type CliCommand } from './command.ts';
import { commandSummaries } from './messages.ts';

const webLink: CliCommand = {
  name: 'web-link',
  summary: commandSummaries['web-link'],
  valueOptions: ['as'],
  async run(ctx) {
    const personId = stringOption(ctx, 'as')?.trim();
    if (!personId) throw new UserError('web_bad_person', webMessages.missingPerson);
    const { settings } = ctx.parts;
    // The link is stored where the web console reads it: the data folder's database, or PostgreSQL.
    const store = ctx.parts.conversations();
    await ctx.parts.ready();
    const issuer = createLinkIssuer({ settings, store, access: createAccess(settings, ACCESS_FORMS) });
    const link = await issuer.issue({ personId });
    return { json: { url: link.url, expires_at: link.expiresAt }, text: webMessages.linkText(link.url, link.expiresAt) };
  },
};

/** The web console's commands. */
export const webCommands: readonly CliCommand[] = [webLink];
