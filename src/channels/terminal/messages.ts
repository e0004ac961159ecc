/** Chinese texts the terminal channel prints around replies. */
export const terminalMessages = {
  ready: '履职助手已就绪。每行输入一个问题或一条活动记录，/help 查看用法，Ctrl+D 退出。',
  fileSaved: (caption: string, path: string) => `（${caption || '附件'}已保存：${path}）`,
  choices: (items: string) => `请回复：${items}`,
  choiceItem: (key: string, label: string) => `${key} ${label}`,
  choiceJoiner: ' / ',
  localUser: '本机用户',
} as const;
