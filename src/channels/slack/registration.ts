/** Slack registers its settings and its allow-list forms: `slack:<user id>`, `slack-channel:<channel id>`. */
import type { ChannelRegistration } from '../kit/index.ts';
import { PORT_INSTEAD } from './messages.ts';
import { slackSettings, type SlackSettings } from './settings.ts';

/** The Slack channel, loaded when SLACK_BOT_TOKEN is given. */
export const registration: ChannelRegistration<SlackSettings> = {
  label: 'Slack',
  access: [{ platform: 'slack', chat: 'slack-channel' }],
  settings: slackSettings,
  port: (settings) => (settings.mode === 'http' ? { user: 'Slack HTTP', instead: PORT_INSTEAD } : undefined),
  load: async () => (await import('./index.ts')).startSlack,
};
