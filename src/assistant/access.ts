/**
 * Who may use the bot and who may change what it knows (CONTRACTS.md `LVZHI_ALLOW`,
 * `LVZHI_ADMINS`): denied by default on chat platforms, a local channel (the terminal) always
 * allowed. The core knows no platform: each channel registers how its people and chats are
 * written in the lists (src/channels/index.ts).
 */
import { UserError } from '../errors.ts';
import { messages } from './messages.ts';
import type { Incoming } from './types.ts';

/** How one channel's senders appear in the access lists. */
export interface AccessForm {
  /** `Incoming.platform` of its messages; a person is written `<platform>:<user id>`. */
  readonly platform: string;
  /** The prefix of a whole chat, e.g. `telegram-chat` for `telegram-chat:<chat id>`. */
  readonly chat?: string;
  /** The person sits at this machine (the terminal): always allowed, an admin, and may name local files. */
  readonly local?: boolean;
}

/** Decides, per message, whether the sender may use the bot and whether they are an admin. */
export interface Access {
  isAllowed(incoming: Pick<Incoming, 'platform' | 'userId' | 'chatId'>): boolean;
  isAdmin(incoming: Pick<Incoming, 'platform' | 'userId' | 'chatId'>): boolean;
  /** Whether the sender is at this machine, so a path they name is a file here. */
  isLocal(incoming: Pick<Incoming, 'platform'>): boolean;
  /** The entries that name a message in a list: its sender's, and its chat's where the platform has one. */
  entries(incoming: Pick<Incoming, 'platform' | 'userId' | 'chatId'>): string[];
}

/** The entry prefixes the forms allow, in the order the forms list them. */
function prefixes(forms: readonly AccessForm[]): string[] {
  return forms.filter((form) => !form.local).flatMap((form) => [form.platform, ...(form.chat ? [form.chat] : [])]);
}

/** Parse a comma-separated access list; a malformed entry stops the start, naming the variable and the forms. */
export function parseAccessList(text: string | undefined, variable: string, forms: readonly AccessForm[]): Set<string> {
  const known = new Set(prefixes(forms));
  const entries = new Set<string>();
  for (const raw of (text ?? '').split(/[,，\s]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const match = /^([a-z-]+):(\S+)$/.exec(entry);
    if (!match || !known.has(match[1])) {
      const shapes = forms.filter((form) => !form.local).flatMap((form) => [`${form.platform}:<用户编号>`, ...(form.chat ? [`${form.chat}:<群编号>`] : [])]);
      throw new UserError('bad_setting', messages.badAccessEntry(variable, entry, shapes));
    }
    entries.add(entry);
  }
  return entries;
}

/** The entry that names this sender in an access list, e.g. `telegram:12345` (what a refusal shows). */
export function senderEntry(incoming: Pick<Incoming, 'platform' | 'userId'>): string {
  return `${incoming.platform}:${incoming.userId}`;
}

/** Access rules from the two settings (either may be unset: nobody on a chat platform) and the channels' forms. */
export function createAccess(settings: { LVZHI_ALLOW?: string; LVZHI_ADMINS?: string }, forms: readonly AccessForm[]): Access {
  const allow = parseAccessList(settings.LVZHI_ALLOW, 'LVZHI_ALLOW', forms);
  const admins = parseAccessList(settings.LVZHI_ADMINS, 'LVZHI_ADMINS', forms);
  const byPlatform = new Map(forms.map((form) => [form.platform, form]));
  const isLocal = (incoming: Pick<Incoming, 'platform'>) => byPlatform.get(incoming.platform)?.local === true;
  const entries = (incoming: Pick<Incoming, 'platform' | 'userId' | 'chatId'>): string[] => {
    const form = byPlatform.get(incoming.platform);
    if (!form) return [];
    return form.chat === undefined ? [senderEntry(incoming)] : [senderEntry(incoming), `${form.chat}:${incoming.chatId}`];
  };
  const matches = (list: Set<string>, incoming: Pick<Incoming, 'platform' | 'userId' | 'chatId'>) => entries(incoming).some((entry) => list.has(entry));
  return {
    isAllowed: (incoming) => isLocal(incoming) || matches(allow, incoming) || matches(admins, incoming),
    isAdmin: (incoming) => isLocal(incoming) || matches(admins, incoming),
    isLocal,
    entries,
  };
}
