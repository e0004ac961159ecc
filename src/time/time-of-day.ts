/**
 * Times of day (上午, 晚上8点, 3点半, 20:15, 6点30pm). They never change which day an
 * activity is on; they are read so that they are not mistaken for something else and are
 * cut out of titles with the day they follow.
 */

/** A part of the day. */
export const TIME_WORD =
  '(?:凌晨|清晨|早上|早晨|上午|中午|午后|下午|傍晚|晚上|晚间|夜里|夜间|夜晚|深夜|半夜|晏昼|下昼|朝早|早|晚)';

const CLOCK_NUMBER = '(?:[0-9]{1,2}|[零〇一二两三四五六七八九十]{1,3})';

/** An hour with optional minutes, seconds and am/pm: 8点, 八点十分, 3点半, 16时, 20:15, 1点30分廿九秒. */
export const HOUR =
  `(?:${CLOCK_NUMBER}\\s*[点时](?:\\s*(?:半|正|整|钟)|\\s*${CLOCK_NUMBER}\\s*分?)?(?:\\s*(?:[0-9]{1,2}|[零〇一二三四五六七八九十廿]{1,3})\\s*秒)?|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)\\s*(?:am|pm|AM|PM)?`;

/** What may follow a day: 下午, 晚上8点, 早上 6 点至 7 点, 10:30. */
export const TIME_TAIL = new RegExp(
  `^\\s*(?:${TIME_WORD}\\s*(?:${HOUR})?|${HOUR})(?:\\s*(?:至|到|-|~|—)\\s*${TIME_WORD}?\\s*${HOUR})?`,
  'i',
);

/** The far end of a span of hours after a time (1点pm到3点, 下午2点-5点). */
export const TIME_RANGE_TAIL = new RegExp(`^\\s*(?:至|到|-|~|—)\\s*${TIME_WORD}?\\s*${HOUR}`, 'i');
