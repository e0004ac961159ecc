/** `/delete 17` (admins): asks to confirm, then deletes the entry. */
import type { CommandHandler } from './context.ts';

/** Offer to delete the entry the words number (the flow refuses a non-admin first). */
export const remove: CommandHandler = ({ args, incoming, today, tools }) => tools.logFlows.remove(args, incoming, today);
