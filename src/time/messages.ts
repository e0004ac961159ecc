/** What time words say back to a person, in Chinese. */
export const timeMessages = {
  badDate: (value: string) => `日期“${value}”不存在或格式不对，请写成 2023-06-12 这样的年-月-日。`,
  allTime: '全部记录中',
} as const;
