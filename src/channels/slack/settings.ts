/** Slack's variables: Socket Mode when SLACK_APP_TOKEN is set, else HTTP events signed with SLACK_SIGNING_SECRET. */
import { UserError } from '../../errors.ts';
import { channelSettings, optionalText, optionalUrl } from '../kit/index.ts';
import { SLACK_NEEDS_MODE, SLACK_NEEDS_TOKEN } from './messages.ts';

/** Slack, typed by its mode. */
export type SlackSettings =
  | { readonly mode: 'socket'; readonly botToken: string; readonly appToken: string; readonly apiUrl?: string }
  | { readonly mode: 'http'; readonly botToken: string; readonly signingSecret: string; readonly port?: number; readonly apiUrl?: string };

/** SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL. */
export const slackSettings = channelSettings({
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: optionalUrl,
}, (env, shared): SlackSettings | undefined => {
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: apiUrl } = env;
  if (!botToken) {
    if (appToken || signingSecret) throw new UserError('bad_setting', SLACK_NEEDS_TOKEN);
    return undefined;
  }
  if (appToken) return { mode: 'socket', botToken, appToken, apiUrl };
  if (signingSecret) return { mode: 'http', botToken, signingSecret, port: shared.PORT, apiUrl };
  throw new UserError('bad_setting', SLACK_NEEDS_MODE);
});
