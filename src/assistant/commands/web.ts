/** `/web`: a one-time login link for the web console, sent only in a one-to-one chat. */
import { senderEntry } from '../access.ts';
import { messages as m } from '../messages.ts';
import type { CommandHandler } from './context.ts';

/** Reply with a login link for the sender, or say why not (console off, not a private chat). */
export const web: CommandHandler = async ({ incoming, tools }) => {
  if (!tools.webLinks) return { text: m.webOff };
  // A link in a group chat would let anyone there sign in as the sender.
  if (!tools.access.isLocal(incoming) && incoming.direct !== true) return { text: m.webPrivateOnly };
  const link = await tools.webLinks.issue({ personId: senderEntry(incoming), chatId: incoming.chatId });
  return { text: m.webLink(link.url) };
};
