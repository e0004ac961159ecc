/**
 * WeCom's channels from the settings: the self-built app when all five app settings are set
 * (WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN, WECOM_AES_KEY), the AI bot when
 * WECOM_BOT_ID and WECOM_BOT_SECRET are; either, both, and a part of a set stops the start.
 */
import type { Assistant, Channel } from '../../assistant/index.ts';
import type { Settings } from '../../config.ts';
import { UserError } from '../../errors.ts';
import { createWecomBotChannel } from './bot-channel.ts';
import { incomplete } from './messages.ts';
import { createWecomChannel } from './wecom-channel.ts';

const APP = ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_AES_KEY'] as const;
const BOT = ['WECOM_BOT_ID', 'WECOM_BOT_SECRET'] as const;

/** The names of a set that are missing, when some but not all are set. */
function partial(settings: Settings, names: readonly (keyof Settings)[]): string[] | undefined {
  const missing = names.filter((name) => !settings[name]);
  return missing.length > 0 && missing.length < names.length ? (missing as string[]) : undefined;
}

/** Whether the self-built app's callback needs the HTTP port. */
export function wecomUsesPort(settings: Settings): boolean {
  return APP.some((name) => settings[name]);
}

/** The WeCom channels the settings ask for. */
export function wecomFromSettings(settings: Settings, assistant: Assistant): Channel[] {
  for (const set of [APP, BOT]) {
    const missing = partial(settings, set);
    if (missing) throw new UserError('bad_setting', incomplete(missing));
  }
  const channels: Channel[] = [];
  if (settings.WECOM_CORP_ID) {
    channels.push(createWecomChannel({
      corpId: settings.WECOM_CORP_ID,
      agentId: Number(settings.WECOM_AGENT_ID),
      secret: settings.WECOM_SECRET!,
      token: settings.WECOM_TOKEN!,
      aesKey: settings.WECOM_AES_KEY!,
      apiBase: settings.WECOM_API_BASE,
      port: settings.PORT ?? 8080,
      assistant,
    }));
  }
  if (settings.WECOM_BOT_ID) {
    channels.push(createWecomBotChannel({ botId: settings.WECOM_BOT_ID, secret: settings.WECOM_BOT_SECRET!, wsUrl: settings.WECOM_BOT_WS_URL, assistant }));
  }
  return channels;
}
