/**
 * The Slack channel (@slack/bolt): Socket Mode or signed HTTP events → Incoming; Reply → mrkdwn,
 * buttons, files. `app-manifest.json` beside this file creates the Slack app with the scopes,
 * events and `/lvzhi` command the channel uses (for HTTP mode, add the request URLs).
 */
export { createSlackChannel } from './slack-channel.ts';
export type { SlackChannel, SlackChannelOptions } from './slack-channel.ts';
export { toMrkdwn, fromSlackText } from './render.ts';
export { startSlack } from './start.ts';
export { slackSettings, type SlackSettings } from './settings.ts';
