/** `/help` and `/start`: what the assistant can do, from the command table. */
import { messages as m } from '../messages.ts';
import type { CommandHandler } from './context.ts';

/** The usage text. */
export const help: CommandHandler = () => ({ text: m.help });

/** A greeting, then the usage text (a chat's first message on Telegram). */
export const start: CommandHandler = () => ({ text: `${m.welcome}\n${m.help}` });
