/**
 * How a channel makes itself known: its name, how its people and chats are written in the
 * access lists, and — for a chat platform that starts from its own settings — when it is
 * configured and how to load it. Each channel folder has a `registration.ts` that imports no
 * SDK; src/channels/index.ts lists them, so adding a channel is its folder plus one line there.
 */
import type { AccessForm, Assistant, Channel } from '../../assistant/index.ts';
import type { Settings } from '../../config.ts';

/** One channel, as the rest of Lüzhi sees it before it is loaded. */
export interface ChannelRegistration {
  /** The channel's name as the person running Lüzhi knows it (for start-up messages). */
  readonly label: string;
  /** How its senders are written in LVZHI_ALLOW / LVZHI_ADMINS. */
  readonly access: readonly AccessForm[];
  /** Whether any of its settings is present (then it starts, or says what is missing); absent: wired by app.ts. */
  configured?(settings: Settings): boolean;
  /** Whether it listens for HTTP callbacks on PORT. */
  usesPort?(settings: Settings): boolean;
  /** Its code (and SDK), loaded only when configured. */
  load?(): Promise<(settings: Settings, assistant: Assistant) => Channel[]>;
}

/** Whether any setting whose name starts with `prefix` is given. */
export function anySetting(settings: Settings, prefix: string): boolean {
  return Object.entries(settings).some(([name, value]) => name.startsWith(prefix) && value !== undefined);
}
