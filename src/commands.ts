/**
 * The one list of slash commands (CONTRACTS.md, "Running the assistant"): it drives the
 * assistant's parser and routing (each command's handler is src/assistant/commands/<name>.ts),
 * `/help`, Telegram's command menu, Slack's app manifest (scripts/slack-manifest.ts) and the
 * reader's forced readings. It imports nothing, so every layer may read it.
 */

/** How the message reader reads a message that starts with the command. */
export type CommandReading = 'log' | 'count' | 'list' | 'ask' | 'draft' | 'undo' | 'help';

/** One command as people see it. */
export interface CommandInfo {
  readonly name: string;
  /** Other names that mean the same command. */
  readonly aliases: readonly string[];
  /** One line saying what it does (Telegram's command menu). */
  readonly summary: string;
  /** Its word in Slack's one-line command description (`ask 提问`). */
  readonly label: string;
  /** Its line in /help, with an example; absent for a command /help leaves to a closing note. */
  readonly usage?: string;
  /** Only admins may run it. */
  readonly adminOnly: boolean;
  /** Shown in the platforms' command menus. */
  readonly menu: boolean;
  /** What the reader takes a message starting with it for; absent: the assistant handles it before reading. */
  readonly reads?: CommandReading;
}

/** Every command, in the order menus and /help list them. */
export const COMMAND_TABLE = [
  { name: 'ask', aliases: [], summary: '提问：查询规则、程序和文件', label: '提问', usage: '回答议事规则、法规、讲话材料里的问题：/ask 常委会会议多久召开一次', adminOnly: false, menu: true, reads: 'ask' },
  { name: 'log', aliases: [], summary: '记录一项履职活动', label: '记录', usage: '记录履职活动：/log 今天组织代表视察了安全生产工作', adminOnly: false, menu: true, reads: 'log' },
  { name: 'stats', aliases: ['count'], summary: '统计某段时间的活动次数', label: '统计', usage: '统计活动次数：/stats 上半年视察调研（说“上半年各月视察画个图”附图表）', adminOnly: false, menu: true, reads: 'count' },
  { name: 'list', aliases: [], summary: '列出某段时间的活动', label: '列出', usage: '列出活动（每条前面是编号）：/list 上个月的调研', adminOnly: false, menu: true, reads: 'list' },
  { name: 'undo', aliases: [], summary: '撤回我最近记录的活动', label: '撤回', usage: '撤回自己刚记的一条（一句话记了几项就一起撤回）：/undo', adminOnly: false, menu: true, reads: 'undo' },
  { name: 'edit', aliases: [], summary: '更正一条记录：/edit 编号 日期 6月13日', label: '更正', usage: '更正自己记的：/edit 17 日期 6月13日、/edit 17 类型 调研；刚记完也可以直接说“改成6月13日”“不对，是调研”', adminOnly: false, menu: true },
  { name: 'delete', aliases: [], summary: '删除一条记录（管理员）', label: '删除', usage: '删除一条（管理员）：/delete 17', adminOnly: true, menu: true },
  { name: 'draft', aliases: [], summary: '起草报告或讲话段落', label: '起草', usage: '起草报告段落：/draft 上半年监督工作（起草后可以接着说“再短一点”“压缩到200字”“把数字再核一下”）', adminOnly: false, menu: true, reads: 'draft' },
  { name: 'docs', aliases: [], summary: '查看知识库里的文件（管理员）', label: '文件', usage: '知识库文件（管理员）：/docs 查看，/remove 办公室/通知.md 删除，/status 办公室/规则.md 已替代 设置状态', adminOnly: true, menu: true },
  { name: 'remove', aliases: [], summary: '从知识库删除一个文件（管理员）', label: '删除文件', adminOnly: true, menu: false },
  { name: 'status', aliases: [], summary: '设置文件现行或已替代（管理员）', label: '文件状态', adminOnly: true, menu: false },
  { name: 'ingest', aliases: [], summary: '收录本机的文件或文件夹（终端，管理员）', label: '收录', adminOnly: true, menu: false },
  { name: 'import', aliases: [], summary: '导入本机的活动表格（终端，管理员）', label: '导入', adminOnly: true, menu: false },
  { name: 'web', aliases: [], summary: '取得网页登录链接（请私聊发送）', label: '网页', usage: '在网页上查看、筛选、更正活动记录和统计：私聊发送 /web，回复一个10分钟内有效的一次性登录链接', adminOnly: false, menu: true },
  { name: 'help', aliases: [], summary: '查看使用说明', label: '帮助', adminOnly: false, menu: true, reads: 'help' },
  { name: 'start', aliases: [], summary: '开始使用', label: '开始', adminOnly: false, menu: false, reads: 'help' },
] as const satisfies readonly CommandInfo[];

/** One of the known commands. */
export type CommandName = (typeof COMMAND_TABLE)[number]['name'];

/** The command a name or alias stands for (case-insensitive), or undefined. */
export function findCommand(name: string): (typeof COMMAND_TABLE)[number] | undefined {
  const wanted = name.toLowerCase();
  return COMMAND_TABLE.find((command) => command.name === wanted || (command.aliases as readonly string[]).includes(wanted));
}

/** The commands in the platforms' menus: Telegram's `setMyCommands` shape. */
export function commandMenu(): { command: string; description: string }[] {
  return COMMAND_TABLE.filter((command) => command.menu).map((command) => ({ command: command.name, description: command.summary }));
}
