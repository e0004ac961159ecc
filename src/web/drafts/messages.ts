/** Every Chinese text of the 起草 page: the request, the draft with its facts, editing and download. */

/** Texts of the drafts section. */
export const draftMessages = {
  title: '起草',
  intro: '写明要起草的内容（如“起草一段上半年监督工作的总结”“写一段在代表座谈会上的发言”），稿中的每个数字都来自活动记录的统计。',
  requestLabel: '起草要求',
  periodLabel: '时期（可不填）',
  periodHint: '如 上半年、2023年3月、近半年；不填时按要求里的说法，没有说法时为今年以来。',
  draftButton: '起草',
  badPeriod: (words: string) => `没有读懂时期“${words}”。可以写 上半年、2023年3月、第二季度、近半年 等，或者不填。`,
  draftTitle: (title: string) => `${title} · 草稿`,
  gone: '这份草稿已经过期或不存在（草稿保留 8 小时，服务重启后不再保留）。请重新起草。',
  goneTitle: '没有找到草稿',
  // The draft and its check
  draftHeading: '草稿正文',
  allGrounded: (n: number) => (n ? `正文中的 ${n} 处数字都与活动记录的统计相符，点数字可看它统计的记录。` : '正文中没有需要核对的数字。'),
  ungrounded: (figures: string) => `以下数字与活动记录的统计不符，已在正文中标出，请核实后修改：${figures}。`,
  ungroundedTitle: '活动记录的统计中没有这个数字',
  ungroundedHidden: '（与活动记录不符）',
  groundedTitle: (what: string) => `统计：${what}`,
  // The facts
  factsHeading: '依据的统计',
  fact: (kinds: string, count: number) => `${kinds}：${count} 次`,
  factEntries: (count: number) => `查看这 ${count} 条记录`,
  entry: (id: number, title: string) => `第 ${id} 号　${title}`,
  moreEntries: (n: number) => `另有 ${n} 条，见下面“活动记录”的链接。`,
  inLog: '在活动记录中查看：',
  noFacts: '这一时期的活动记录中没有相关的活动。',
  period: (from: string, to: string) => `统计时期：${from} 至 ${to}`,
  // Editing and download
  editHeading: '修改正文',
  editLabel: '正文（第一行是标题，以下每行一段）',
  editButton: '保存并重新核对数字',
  tooLong: (max: number) => `正文太长了：最多 ${max} 个字。没有保存修改。`,
  download: '下载 Word 文件（.docx）',
  downloadWarning: '注意：正文中还有与活动记录不符的数字，下载前请先核实。',
  newDraft: '重新起草',
} as const;
