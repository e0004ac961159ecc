/** Every text a Slack user reads that the channel itself writes (the assistant writes the rest). */

/** Shown while a turn takes longer than a moment. */
export const WORKING = '正在处理…';

/** Shown in place of an empty answer that only carried files. */
export const SEE_FILES = '见附件。';

/** Shown in place of a reply that carried nothing, so the status message does not hang on "正在处理…". */
export const DONE = '已完成。';

/** Replaces the buttons of a message once one was clicked. */
export function chosen(label: string): string {
  return `已选择：${label}`;
}

/** A shared file could not be fetched from Slack. */
export function downloadFailed(name: string): string {
  return `无法从 Slack 下载文件「${name}」，请确认机器人有读取文件的权限后重新发送。`;
}

/** The bot may not post where a slash command was run. */
export const NOT_IN_CHANNEL = '履职助手还不在这个频道里，无法在这里回复。请先邀请它加入（/invite @履职助手），或在与它的私信中使用。';

/** Start-up without a way to receive events. */
export const MISSING_TRANSPORT =
  'Slack 需要 SLACK_APP_TOKEN（Socket Mode）或 SLACK_SIGNING_SECRET（HTTP 事件）其中之一。';

/** Start-up with a bot token Slack does not accept. */
export const BAD_TOKEN = 'Slack 不接受 SLACK_BOT_TOKEN，请检查机器人令牌。';

/** Start-up with an app-level token Slack does not accept. */
export const BAD_APP_TOKEN = 'Slack 不接受 SLACK_APP_TOKEN，请检查应用级令牌（xapp-…，需要 connections:write 权限）。';

/** Start-up without a connection to the Web API. */
export function unreachable(apiUrl: string): string {
  return `无法连接 Slack（${apiUrl}），请检查网络或 SLACK_API_URL。`;
}

/** Start-up on a port another program holds. */
export function portInUse(port: number): string {
  return `端口 ${port} 已被占用，无法接收 Slack 事件；请换一个 PORT。`;
}

/** The app's name in Slack (manifest display name and bot user). */
export const APP_NAME = '履职助手';

/** The app's description in Slack's app directory. */
export const APP_DESCRIPTION = '区人大常委会办公室的履职助手：查规则、记活动、出统计、起草材料。';

/** Start-up: a bot token without the setting that chooses the mode. */
export const SLACK_NEEDS_MODE = '设置了 SLACK_BOT_TOKEN，还需要设置 SLACK_APP_TOKEN（Socket Mode）或 SLACK_SIGNING_SECRET（HTTP 事件）。';

/** Start-up: a mode setting without the bot token. */
export const SLACK_NEEDS_TOKEN = '设置了 SLACK_APP_TOKEN 或 SLACK_SIGNING_SECRET，还需要设置 SLACK_BOT_TOKEN。';

/** Start-up, two channels on PORT: what Slack can do instead. */
export const PORT_INSTEAD = 'Slack 改用 Socket Mode（设置 SLACK_APP_TOKEN）';
