/** Every text a WeCom user or admin reads that the channel itself writes. */

/** Start-up: the corp id and secret were refused. */
export const BAD_SECRET = '企业微信不接受 WECOM_CORP_ID / WECOM_SECRET，请检查企业 ID 和应用的 Secret。';

/** Start-up: the API host could not be reached. */
export function unreachable(apiBase: string): string {
  return `无法连接企业微信接口（${apiBase}），请检查网络或 WECOM_API_BASE。`;
}

/** Start-up: the EncodingAESKey is not 43 characters of base64. */
export const BAD_AES_KEY = 'WECOM_AES_KEY 不正确：应为应用“接收消息”设置里随机生成的 43 位 EncodingAESKey。';

/** Start-up: the callback port is taken. */
export function portInUse(port: number): string {
  return `端口 ${port} 已被占用，无法接收企业微信回调；请换一个 PORT。`;
}

/** Start-up of the AI bot: the bot id and secret were refused. */
export const BOT_AUTH_FAILED = '企业微信智能机器人连接认证失败，请检查 WECOM_BOT_ID 和 WECOM_BOT_SECRET。';

/** Start-up of the AI bot: the long connection could not be opened. */
export const BOT_UNREACHABLE = '无法与企业微信智能机器人建立长连接，请检查网络。';

/** The title of a card that carries choice buttons. */
export const CHOOSE = '请选择';

/** A button of a card that was already used or has expired. */
export const CHOICE_GONE = '这个选项已经用过或已过期，请重新发送。';

/** Where WeCom is named in shared texts (downloads). */
export const PLATFORM = '企业微信';

/** Start-up: part of a set of settings is missing. */
export function incomplete(missing: readonly string[]): string {
  return `企业微信的设置不完整，还缺少：${missing.join('、')}。`;
}

/** Start-up, two channels on PORT: what WeCom can do instead. */
export const PORT_INSTEAD = '企业微信改用智能机器人长连接（WECOM_BOT_ID）';

/** A setting's check: the AgentId is a number. */
export const AGENT_ID_FORMAT = '应为应用的 AgentId（数字）';

/** A setting's check: the EncodingAESKey is 43 characters. */
export const AES_KEY_FORMAT = '应为 43 位 EncodingAESKey';

/** The app menu's group titles (at most 16 bytes each: five Chinese characters): everyone's commands, then the admins'. */
export const MENU_GROUPS = ['常用', '更多', '其他'] as const;

/** The app menu's group of admin commands. */
export const MENU_ADMIN = '管理';
