/** Every Chinese text of the drafting module that is not a template. */
export const messages = {
  emptyRequest: '请说明要起草什么，例如：“起草上半年监督工作的总结”或“写一段代表工作的发言”。',
  unknownTopic: (known: string) =>
    `没有看出要起草哪方面的材料。我能起草这些方面：${known}。例如：“起草上半年监督工作的总结”。`,
  badPeriod: '起草的时间段不对：开始日期晚于结束日期。',
  ordinals: ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'],
  sectionTitle: (organ: string, period: string, topic: string) =>
    `${organ}${period}${organ.endsWith('常委会') ? topic.replace(/^常委会/, '') : topic}情况`,
  speechTitle: (topic: string) => `关于${topic}的交流发言`,
  modelInventedFigure: (figures: string) =>
    `模型起草的稿子里出现了活动记录中没有的数字（${figures}），已改用模板起草。`,
  modelUnavailable: '模型暂时不可用，已改用模板起草。',
  organ: '区人大常委会',
  basis: (byModel: boolean, from: string, to: string, facts: ReadonlyArray<{ label: string; count: number }>) =>
    `依据活动记录（${from} 至 ${to}）：${facts.map((f) => `${f.label} ${f.count} 次`).join('；')}。（${byModel ? '模型起草' : '模板起草'}）`,
  /** What the model is asked to write (the {{形式}} of prompts/draft.md). */
  promptFormSpeech: '一段可以当众宣读的发言',
  promptFormSection: '一段工作总结（报告的一节）',
  /** {{范例}} when the knowledge base has no passage in the office's register. */
  promptNoExamples: '（无）',
  /** One line of {{事实}}: the kinds, their count, some titles. */
  promptFact: (label: string, count: number, titles: string) => `- ${label}：${count}次${titles ? `（${titles}）` : ''}`,
} as const;
