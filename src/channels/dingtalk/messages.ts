/** Every text a DingTalk user or admin reads that the channel itself writes. */

/** Start-up: the client id or secret was refused. */
export const BAD_CREDENTIALS = '钉钉不接受 DINGTALK_CLIENT_ID / DINGTALK_CLIENT_SECRET，请检查应用的 Client ID 和 Client Secret。';

/** Start-up: no Stream connection. */
export function unreachable(apiBase: string): string {
  return `无法与钉钉建立 Stream 长连接（${apiBase}），请检查网络、DINGTALK_API_BASE，以及应用是否已开启 Stream 模式的机器人。`;
}

/** The title of a card with buttons (shown in the chat list). */
export const CHOOSE = '请选择';

/** Where DingTalk is named in shared texts (downloads). */
export const PLATFORM = '钉钉';

/** Start-up: only one of the two settings is set. */
export const INCOMPLETE = '钉钉需要同时设置 DINGTALK_CLIENT_ID 和 DINGTALK_CLIENT_SECRET。';
