/** Every Chinese text storage shows a user, in one place. */

/** Chinese texts of the data folder and the database. */
export const storageMessages = {
  dataFolderUnusable: (folder: string) =>
    `数据文件夹“${folder}”无法使用：它不是一个文件夹，或者没有写入权限。请用 --data（或 LVZHI_DATA_DIR）指定一个可写的文件夹。`,
  notOurDatabase: (file: string) =>
    `“${file}”不是履职助手的数据库（文件已损坏或是别的文件）。请检查 --data 指定的文件夹，数据库没有被改动。`,
  dataReadOnly: (path: string) =>
    `数据“${path}”是只读的，履职助手无法保存任何记录，因此没有启动。请管理员检查这个文件夹和 lvzhi.db 的写入权限（或磁盘是否以只读方式挂载）。`,
  databaseCorrupt: (file: string) =>
    `数据库“${file}”已损坏，无法读取。履职助手没有改动它；请管理员用备份恢复，或把它移走后重新启动。`,
  diskFull: '磁盘空间不足，这次没有保存成功；已经保存的内容没有受影响。请管理员清理磁盘空间后再试。',
  readOnlyNow: '数据文件现在是只读的，这次没有保存成功；已经保存的内容没有受影响。请管理员检查数据文件夹的写入权限。',
  corruptNow: '数据库文件已损坏，这次操作没有完成。请管理员检查数据库（可用备份恢复）。',
  busy: '数据库正忙（可能有人正在导入大量记录），这次没有保存，请稍后重发一次。',
  databaseUnreachable: (where: string, reason: string) =>
    `连接不上 PostgreSQL 数据库服务器（${where}）：${reason}。请检查 LVZHI_DATABASE_URL 的地址、端口、用户名和密码，以及数据库服务器是否已经启动。`,
  databaseUnavailable: '数据库服务器暂时连接不上，这次没有保存任何内容；已经保存的内容没有受影响。请稍后再发一次，或请管理员检查数据库服务器。',
  unreachableReasons: {
    refused: '服务器拒绝连接（可能没有启动）',
    timeout: '连接超时',
    unknownHost: '找不到这个主机名',
    auth: '用户名或密码不正确',
    noDatabase: '这个数据库不存在',
    other: '连接失败',
  },
  targetNotEmpty: (tables: string) =>
    `目标里已经有数据（${tables}），没有复制任何内容：迁移只能写入空的数据库或数据文件夹，以免编号冲突或重复记录。`,
  copyConflict: (detail: string) =>
    `复制时发现冲突，已全部撤销，目标没有任何改动（${detail}）。常见原因是原数据里有两条完全相同的有效记录：请先删除其中一条再迁移。`,
  knowledgeStaysLocal: (dataDir: string) =>
    `活动记录和对话状态保存在 PostgreSQL 数据库里（LVZHI_DATABASE_URL），多个进程共用；知识库暂时仍保存在数据文件夹“${dataDir}”的 SQLite 里，每个进程各自一份。`,
} as const;
