/** Everything a Telegram user reads that the channel itself writes (the assistant writes the rest). */

/** Command menu shown by Telegram (`setMyCommands`); names match CONTRACTS.md. */
export const COMMAND_MENU: readonly { command: string; description: string }[] = [
  { command: 'ask', description: '提问：查询规则、程序和文件' },
  { command: 'log', description: '记录一项履职活动' },
  { command: 'stats', description: '统计某段时间的活动次数' },
  { command: 'list', description: '列出某段时间的活动' },
  { command: 'undo', description: '撤回我最近记录的活动' },
  { command: 'edit', description: '更正一条记录：/edit 编号 日期 6月13日' },
  { command: 'delete', description: '删除一条记录（管理员）' },
  { command: 'draft', description: '起草报告或讲话段落' },
  { command: 'help', description: '查看使用说明' },
];

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
