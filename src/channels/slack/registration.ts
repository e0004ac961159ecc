/** Slack registers its allow-list forms: `slack:<user id>`, `slack-channel:<channel id>`. */
import type { ChannelRegistration } from '../kit/index.ts';

/** The Slack channel (started by app.ts from SLACK_* settings). */
export const registration: ChannelRegistration = {
  label: 'Slack',
  access: [{ platform: 'slack', chat: 'slack-channel' }],
};
