/** `/docs`, `/remove 办公室/通知.md`, `/status 办公室/规则.md 已替代` (admins; the flows refuse others). */
import type { CommandHandler } from './context.ts';

/** List the documents this person may see. */
export const docs: CommandHandler = ({ incoming, tools }) => tools.documentFlows.list(incoming);

/** Offer to remove the named document. */
export const removeDocument: CommandHandler = ({ args, incoming, tools }) => tools.documentFlows.remove(args, incoming);

/** Set a document in force or superseded. */
export const status: CommandHandler = ({ args, incoming, tools }) => tools.documentFlows.status(args, incoming);
