/** The Slack channel (@slack/bolt): Socket Mode or signed HTTP events → Incoming; Reply → mrkdwn, buttons, files. */
export { createSlackChannel } from './slack-channel.ts';
export type { SlackChannel, SlackChannelOptions } from './slack-channel.ts';
export { toMrkdwn, fromSlackText } from './mrkdwn.ts';
