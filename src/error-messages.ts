/**
 * Every error code Lüzhi raises on purpose, with what it means in Chinese. A throw site may
 * give a more precise message (naming the file, the setting, the line); this table is the
 * one place that says what each code is, and the message used when a site gives none.
 * `ErrorCode` is derived from it, so a code missing here does not compile.
 */
export const ERROR_MESSAGES = {
  // Anything not raised on purpose.
  internal: '内部错误，请联系管理员。',

  // Settings and start-up.
  bad_setting: '有一项设置的值不正确，请检查设置。',
  bad_data_dir: '数据文件夹无法使用，请检查 LVZHI_DATA_DIR。',
  not_a_database: '数据文件夹里的文件不是履职助手的数据库。',
  prompt_missing: '缺少提示词文件，请检查 prompts 文件夹。',
  prompt_placeholder: '提示词文件中的占位符不正确。',

  // The disk and the database.
  disk_full: '磁盘空间已满，请清理后再试。',
  data_read_only: '数据文件夹是只读的，无法保存。',
  database_corrupt: '数据库文件已损坏，请从备份恢复。',
  database_busy: '数据库正忙，请稍后再试。',
  database_unreachable: '连接不上 PostgreSQL 数据库服务器，请检查 LVZHI_DATABASE_URL。',
  target_not_empty: '迁移目标里已经有数据，没有复制。',
  copy_conflict: '迁移时发现冲突，已全部撤销。',
  database_unavailable: '数据库服务器暂时连接不上，这次没有保存，请稍后再试。',

  // The command line.
  unknown_command: '没有这个命令。',
  unknown_option: '没有这个选项。',
  missing_option_value: '选项缺少取值。',
  bad_line: '这一行不是有效的输入。',
  no_paths: '请给出要处理的文件或文件夹。',
  path_missing: '找不到给出的路径。',
  bad_k: '返回段落数必须是正整数。',

  // Questions and the knowledge base.
  empty_question: '问题是空的，请输入要查询的内容。',
  no_text: '没有可以阅读的文字。',
  missing_text: '缺少文字内容。',
  empty_text: '文字内容是空的。',
  text_too_large: '文字太长，无法处理。',
  too_many_passages: '文件切分出的段落太多，无法收录。',
  no_document: '请给出知识库里的文件名（见 docs）。',
  unknown_document: '知识库里没有这个文件。',
  bad_status: '文件状态只能是“现行”或“已替代”。',
  bad_scope: '部门名称不正确。',
  scope_not_yours: '只能把文件放到“公共”或自己所在的部门。',
  embedding_unavailable: '向量服务暂时不可用，已改用关键词检索。',

  // Files sent or named.
  missing_file: '找不到这个文件。',
  file_missing: '找不到这个文件。',
  not_a_file: '给出的路径不是文件。',
  empty_file: '文件是空的。',
  file_too_large: '文件太大，无法处理。',
  unsupported_file: '不支持这种文件格式。',
  unsupported_type: '不支持这种文件格式。',
  unreadable_file: '文件无法读取。',
  binary_file: '这不是文字文件。',
  undecodable_text: '无法识别文件的文字编码。',
  download_failed: '文件下载失败。',
  export_failed: '导出文件失败。',
  export_save_failed: '文件已发送，但没能保存到数据文件夹。',

  // Documents.
  pdf_corrupt: 'PDF 文件已损坏，无法读取。',
  pdf_encrypted: 'PDF 文件有密码保护，无法读取。',
  pdf_no_text: 'PDF 文件中没有可识别的文字。',
  docx_corrupt: 'Word 文件已损坏，无法读取。',
  docx_failed: '生成 Word 文件失败。',
  doc_corrupt: 'Word 文件已损坏，无法读取。',
  wps_corrupt: 'WPS 文件已损坏，无法读取。',
  ofd_corrupt: 'OFD 文件已损坏，无法读取。',
  ofd_encrypted: 'OFD 文件有密码保护，无法读取。',
  ofd_no_text: 'OFD 文件中没有可识别的文字。',
  ofd_too_large: 'OFD 文件太大，无法读取。',
  archive_bomb: '压缩文件解压后过大，已拒绝。',
  archive_encrypted: '压缩文件有密码保护，无法读取。',
  archive_too_large: '压缩文件太大，无法读取。',
  archive_too_many_entries: '压缩文件包含的文件太多，已拒绝。',
  not_an_archive: '文件不是有效的压缩格式。',
  ocr_stopped: '文字识别被中止。',
  ocr_timeout: '文字识别超时。',
  ocr_too_many_pages: '扫描件页数太多，无法识别。',
  ocr_unreadable: '扫描件中的文字无法识别。',

  // The activity log.
  not_a_log: '这句话不像一条活动记录。',
  unclear_message: '没能看懂这句话，请换个说法。',
  bad_date: '日期不正确。',
  bad_period: '时间段不正确。',
  bad_id: '记录编号不正确。',
  bad_kinds: '活动类别不正确。',
  unknown_kind: '没有这个活动类别。',
  empty_by: '缺少记录人。',
  empty_title: '活动内容是空的。',
  no_such_activity: '没有这条记录。',
  duplicate_activity: '已经有一条相同的记录。',
  nothing_to_change: '没有要修改的内容。',
  nothing_to_undo: '没有可以撤回的记录。',
  import_rejected: '表格中有不正确的行，没有导入。',
  import_unconfirmed: '导入尚未确认。',
  missing_columns: '表格缺少必需的列。',
  too_many_rows: '表格行数太多，无法导入。',
  table_too_large: '表格太大，无法导入。',

  // Charts and drafting.
  chart_failed: '图表生成失败。',
  chart_needs_png: '图表只能保存为 PNG 文件。',
  chart_no_data: '没有可以画图的数据。',
  chart_wrong_data: '图表数据不正确。',
  bad_chart_by: '图表的分组方式不正确。',
  empty_request: '请说明要起草的内容。',
  unknown_topic: '没有这个起草题目。',
  no_previous_draft: '没有找到要修改的上一稿。',
  draft_ungrounded: '没有足够的记录或文件支撑这份草稿。',
  draft_too_long: '草稿正文太长了，没有保存修改。',

  // The model service.
  model_timeout: '模型服务响应超时。',
  model_rate_limited: '模型服务请求过于频繁。',
  model_server_error: '模型服务出错。',
  model_connection: '无法连接模型服务。',
  model_malformed: '模型服务的回答格式不正确。',
  model_refused: '模型服务拒绝了请求。',
  model_circuit_open: '模型服务暂停使用，稍后自动重试。',
  model_aborted: '模型请求已取消。',
  model_nonsense: '模型服务的回答不可用。',

  // Chat platforms.
  telegram_bad_token: 'Telegram 拒绝了机器人令牌。',
  telegram_unreachable: '无法连接 Telegram 服务器。',
  telegram_file_unavailable: '无法从 Telegram 下载这个文件。',
  slack_settings: 'Slack 设置不完整。',
  slack_auth: 'Slack 拒绝了机器人令牌。',
  slack_app_token: 'Slack 拒绝了应用令牌。',
  slack_port: 'Slack 的 HTTP 端口已被占用。',
  slack_unreachable: '无法连接 Slack。',
  slack_file_download: '无法从 Slack 下载这个文件。',
  // Chat platforms added through the channel kit: the channel's own message says which and why.
  channel_settings: '聊天平台的设置不正确。',
  channel_credentials: '聊天平台拒绝了应用凭据。',
  channel_unreachable: '无法连接聊天平台。',
  channel_port: '聊天平台的回调端口已被占用。',
  channel_file_download: '无法从聊天平台下载这个文件。',

  // The web console.
  web_port_busy: '网页端口已被占用。',
  web_off: '网页没有开启（LVZHI_WEB_PORT 未设置）。',
  web_not_allowed: '这个人不在允许使用的名单里，不能生成登录链接。',
  web_bad_person: '用户编号应写成 平台:编号，例如 telegram:777。',
} as const satisfies Record<string, string>;
