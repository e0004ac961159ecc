/**
 * How a channel makes itself known: its name (the key of its settings), how its people and
 * chats are written in the access lists, its own settings, and how to load it. Each channel
 * folder has a `registration.ts` that imports no SDK; src/channels/registered.ts lists them,
 * one line each, so adding a channel is its folder plus that one line.
 */
import type { AccessForm, Assistant, Channel } from '../../assistant/index.ts';
import type { ConversationStore } from '../../storage/index.ts';
import type { ChannelSettings } from './settings.ts';

/** What a loaded channel is built with besides its own settings. */
export interface ChannelContext {
  readonly assistant: Assistant;
  /** Where buttons, numbered choices and reply chains are kept (the data folder's database in `npm start`). */
  readonly conversations?: ConversationStore;
}

/** Who wants PORT for HTTP callbacks, and what to change so it does not. */
export interface PortUse {
  /** E.g. `Telegram webhook`. */
  readonly user: string;
  /** The change, in Chinese, naming the channel's own variable. */
  readonly instead: string;
}

/** One channel, as the rest of Lüzhi sees it before it is loaded. */
export interface ChannelRegistration<S = unknown> {
  /** The channel's name as the person running Lüzhi knows it (for start-up messages). */
  readonly label: string;
  /** How its senders are written in LVZHI_ALLOW / LVZHI_ADMINS. */
  readonly access: readonly AccessForm[];
  /** Its variables and the typed value they make; absent: it has none (the terminal). */
  readonly settings?: ChannelSettings<S>;
  /** Whether, with these settings, it listens for HTTP callbacks on PORT. */
  port?(settings: S): PortUse | undefined;
  /** Its code (and SDK), loaded only when its settings are given. */
  load?(): Promise<(settings: S, context: ChannelContext) => Channel[]>;
}

/** The settings a registration makes. */
export type SettingsOf<R> = R extends ChannelRegistration<infer S> ? S : never;
