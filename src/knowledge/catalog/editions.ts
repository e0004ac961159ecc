/**
 * Versions of one rule: "中华人民共和国代表法（2015年修正）" and "中华人民共和国代表法" are one
 * family; the year of the revision mark orders them. Only marks that say revision (修正, 修订,
 * 修改, 版) are removed: "2023年工作报告" and "2024年工作报告" are two reports, not two versions.
 */

const DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4})';
/** A trailing revision mark: （2024年修正）, (2019 修订), （2019年版）, 2019年版, 2019版, （修订版）. */
const REVISION_MARK = new RegExp(
  `\\s*(?:[（(]\\s*(?:${YEAR}\\s*年?\\s*)?(?:第.{1,3}次)?(?:修正|修订|修改|版|修正本|修订本|修订版)[^（）()]*[）)]|${YEAR}\\s*年?\\s*(?:修正|修订|版)本?)\\s*$`);

/** A title's family name and the year of its edition (0 when the title names none). */
export interface Edition {
  readonly family: string;
  readonly year: number;
}

function arabic(year: string): number {
  return Number([...year].map((c) => DIGITS[c] ?? c).join(''));
}

/** The family and edition year a document title states. */
export function editionOf(title: string): Edition {
  const trimmed = title.trim();
  const mark = REVISION_MARK.exec(trimmed);
  if (!mark) return { family: familyName(trimmed), year: 0 };
  const year = mark[1] ?? mark[2];
  return { family: familyName(trimmed.slice(0, mark.index)), year: year ? arabic(year) : 0 };
}

/** Spacing and the brackets around a title do not make another document. */
function familyName(title: string): string {
  return title.replace(/[《》\s]/g, '');
}
