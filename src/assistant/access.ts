/**
 * Who may use the bot and who may change what it knows (CONTRACTS.md `LVZHI_ALLOW`,
 * `LVZHI_ADMINS`): denied by default on Telegram and Slack, the terminal always allowed.
 */
import { UserError } from '../errors.ts';
import { messages } from './messages.ts';
import type { Incoming } from './types.ts';

/** Decides, per message, whether the sender may use the bot and whether they are an admin. */
export interface Access {
  isAllowed(incoming: Pick<Incoming, 'platform' | 'userId' | 'chatId'>): boolean;
  isAdmin(incoming: Pick<Incoming, 'platform' | 'userId' | 'chatId'>): boolean;
}

const ENTRY = /^(telegram|slack|wecom|dingtalk|feishu|telegram-chat|slack-channel|wecom-chat|dingtalk-chat|feishu-chat):(\S+)$/;
/** The allow-list form of a chat id, per platform (`wecom-chat:<chatid>`, …). */
const CHAT_FORM: Partial<Record<Incoming['platform'], string>> = {
  telegram: 'telegram-chat', slack: 'slack-channel', wecom: 'wecom-chat', dingtalk: 'dingtalk-chat', feishu: 'feishu-chat',
};

/** Parse a comma-separated access list; a malformed entry stops the start, naming the variable. */
export function parseAccessList(text: string | undefined, variable: string): Set<string> {
  const entries = new Set<string>();
  for (const raw of (text ?? '').split(/[,，\s]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    if (!ENTRY.test(entry)) {
      throw new UserError('bad_setting', messages.badAccessEntry(variable, entry));
    }
    entries.add(entry);
  }
  return entries;
}

/** The entry that names this sender in an access list, e.g. `telegram:12345` (what a refusal shows). */
export function senderEntry(incoming: Pick<Incoming, 'platform' | 'userId'>): string {
  return `${incoming.platform}:${incoming.userId}`;
}

function chatEntry(incoming: Pick<Incoming, 'platform' | 'chatId'>): string | undefined {
  const form = CHAT_FORM[incoming.platform];
  return form === undefined ? undefined : `${form}:${incoming.chatId}`;
}

/** The entries that name a message in a list: its sender's, and its chat's where the platform has one. */
export function entriesOf(incoming: Pick<Incoming, 'platform' | 'userId' | 'chatId'>): string[] {
  const chat = chatEntry(incoming);
  return chat === undefined ? [senderEntry(incoming)] : [senderEntry(incoming), chat];
}

function matches(list: Set<string>, incoming: Pick<Incoming, 'platform' | 'userId' | 'chatId'>): boolean {
  return entriesOf(incoming).some((entry) => list.has(entry));
}

/** Access rules from the two settings (either may be unset: nobody on Telegram or Slack). */
export function createAccess(settings: { LVZHI_ALLOW?: string; LVZHI_ADMINS?: string }): Access {
  const allow = parseAccessList(settings.LVZHI_ALLOW, 'LVZHI_ALLOW');
  const admins = parseAccessList(settings.LVZHI_ADMINS, 'LVZHI_ADMINS');
  return {
    isAllowed: (incoming) => incoming.platform === 'terminal' || matches(allow, incoming) || matches(admins, incoming),
    isAdmin: (incoming) => incoming.platform === 'terminal' || matches(admins, incoming),
  };
}
