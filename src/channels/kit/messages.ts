/** Texts the channel kit shows users, whatever the platform. */

/** Shown in place of an empty answer that only carried files. */
export const SEE_FILES = '见附件。';

/** The numbered form of choices, on platforms (or in places) without buttons. */
export function numberedChoices(labels: readonly string[]): string {
  return ['请回复序号选择：', ...labels.map((label, index) => `${index + 1}. ${label}`)].join('\n');
}

/** The reply could not be delivered: a last short message with the reference. */
export function deliveryFailed(ref: string): string {
  return `抱歉，回复没能完整发出，请稍后再试。如问题持续，请把错误编号 ${ref} 告诉管理员。`;
}

/** A file the person sent could not be fetched from the platform. */
export function downloadFailed(name: string, platform: string): string {
  return `无法从${platform}下载文件「${name}」，请稍后重新发送；如仍不行，请管理员检查应用的文件权限。`;
}
