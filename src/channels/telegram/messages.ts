/** Everything a Telegram user reads that the channel itself writes (the assistant writes the rest). */

/** Shown when a reply could not be delivered as written (a rendering or sending failure). */
export function renderFailure(reference: string): string {
  return `抱歉，回复没能发出，请稍后再试。如问题持续，请把错误编号 ${reference} 告诉管理员。`;
}

/** Shown when Telegram will not hand over a user's file (over the Bot API's 20 MB, or gone). */
export const FILE_UNAVAILABLE = '无法从 Telegram 下载这个文件（机器人最多只能下载 20MB 的文件）。';

/** Start-up failure when Telegram rejects the token. */
export const BAD_TOKEN = 'Telegram 拒绝了机器人令牌，请检查 TELEGRAM_BOT_TOKEN。';

/** Toast shown when a button from an old conversation (or before a restart) is pressed. */
export const CHOICE_EXPIRED = '这个选项已失效，请重新发送消息。';

/** Toast shown when a button is pressed and its text is being sent on. */
export const CHOICE_TAKEN = '已收到';

/** Start-up failure when the Bot API server cannot be reached. */
export const UNREACHABLE = (apiRoot: string) => `无法连接 Telegram 服务器 ${apiRoot}，请检查网络或 TELEGRAM_API_ROOT。`;

/** Start-up, two channels on PORT: what Telegram can do instead. */
export const PORT_INSTEAD = 'Telegram 改用长轮询（去掉 TELEGRAM_WEBHOOK_URL）';
