/** WeCom's channels from its settings: the self-built app, the AI bot, or both. */
import type { Channel } from '../../assistant/index.ts';
import type { ChannelContext } from '../kit/index.ts';
import { createWecomBotChannel } from './bot-channel.ts';
import type { WecomSettings } from './settings.ts';
import { createWecomChannel } from './wecom-channel.ts';

/** The WeCom channels the settings ask for. */
export function startWecom(settings: WecomSettings, context: ChannelContext): Channel[] {
  return [
    ...(settings.app ? [createWecomChannel({ ...settings.app, ...context })] : []),
    ...(settings.bot ? [createWecomBotChannel({ ...settings.bot, ...context })] : []),
  ];
}
