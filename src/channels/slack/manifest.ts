/**
 * The Slack app manifest (app-manifest.json beside this file) an admin pastes into Slack to
 * create the app: the scopes, events and `/lvzhi` command the channel uses. Its command
 * description comes from the command table; `npm run slack-manifest` writes the file, and a
 * test checks the committed file is what this produces.
 */
import { COMMAND_TABLE } from '../../commands.ts';
import { APP_DESCRIPTION, APP_NAME } from './messages.ts';

/** The manifest as an object, in the order Slack shows its sections. */
export function slackManifest(command = '/lvzhi'): Record<string, unknown> {
  const menu = COMMAND_TABLE.filter((entry) => entry.menu).map((entry) => `${entry.name} ${entry.label}`);
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: { name: APP_NAME, description: APP_DESCRIPTION, background_color: '#8c1c13' },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: APP_NAME, always_online: true },
      slash_commands: [{ command, description: `${APP_NAME}：${menu.join('、')}`, usage_hint: 'stats 上半年', should_escape: false }],
    },
    oauth_config: {
      scopes: {
        bot: ['app_mentions:read', 'channels:history', 'groups:history', 'im:history', 'chat:write', 'commands', 'files:read', 'files:write', 'users:read'],
      },
    },
    settings: {
      event_subscriptions: { bot_events: ['app_mention', 'message.channels', 'message.groups', 'message.im'] },
      interactivity: { is_enabled: true },
      org_deploy_enabled: false,
      socket_mode_enabled: true,
      token_rotation_enabled: false,
    },
  };
}

/** The manifest file's text. */
export function slackManifestText(): string {
  return JSON.stringify(slackManifest(), null, 2) + '\n';
}
