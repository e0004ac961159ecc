/** Chinese texts of start-up and shutdown (src/app.ts, src/main.ts). */
export const appMessages = {
  firstRunIngest: (folder: string) => `首次启动：正在把示例文档（${folder}）收入知识库，请稍候……`,
  firstRunDone: (files: number, passages: number) => `示例文档已收录：${files} 个文件，共 ${passages} 段。`,
  firstRunSkipped: (path: string, reason: string) => `  跳过 ${path}：${reason}`,
  started: (names: string) => `履职助手已启动：${names}。`,
  stopping: '正在停止：等当前的消息处理完，再关闭数据库……',
  stopped: '已停止。',
  startFailed: (message: string) => `启动失败：${message}`,
  internalStartFailure: (ref: string) => `启动失败（错误编号 ${ref}），详情见上方日志。`,
  portClash: (which: string, instead: string) =>
    `${which} 都要在 PORT 上接收回调，一个 PORT 只能给其中一个。请只保留一个：例如 ${instead}。`,
} as const;
