/** The Slack channel from its settings: Socket Mode or signed HTTP events. */
import type { Channel } from '../../assistant/index.ts';
import type { ChannelContext } from '../kit/index.ts';
import type { SlackSettings } from './settings.ts';
import { createSlackChannel } from './slack-channel.ts';

/** The Slack channel the settings ask for. */
export function startSlack(settings: SlackSettings, context: ChannelContext): Channel[] {
  return [createSlackChannel({
    botToken: settings.botToken,
    ...(settings.mode === 'socket' ? { appToken: settings.appToken } : { signingSecret: settings.signingSecret, port: settings.port }),
    apiUrl: settings.apiUrl,
    ...context,
  })];
}
