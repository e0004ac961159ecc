/** Every text a Feishu user or admin reads that the channel itself writes. */

/** Start-up: the app id is not a Feishu app id. */
export const BAD_APP_ID = 'FEISHU_APP_ID 不正确：应为开发者后台“凭证与基础信息”里的 App ID（cli_ 开头，后跟 16 位字符）。';

/** Start-up: the id or secret was refused. */
export const BAD_CREDENTIALS = '飞书不接受 FEISHU_APP_ID / FEISHU_APP_SECRET，请检查应用凭证，并确认已在“事件与回调”里选择“使用长连接接收事件”。';

/** Start-up: no long connection. */
export function unreachable(domain: string): string {
  return `无法与飞书建立长连接（${domain}），请检查网络或 FEISHU_DOMAIN。`;
}

/** The toast after a button press. */
export function chosen(label: string): string {
  return `已选择：${label}`;
}

/** A button of a card that was already used or has expired. */
export const CHOICE_GONE = '这个选项已经用过或已过期，请重新发送。';

/** Where Feishu is named in shared texts (downloads). */
export const PLATFORM = '飞书';

/** Start-up: only one of the two settings is set. */
export const INCOMPLETE = '飞书需要同时设置 FEISHU_APP_ID 和 FEISHU_APP_SECRET。';

/** A setting's check: the domain is `feishu`, `lark` or an address. */
export const DOMAIN_FORMAT = '应为 feishu、lark 或私有部署的网址';
