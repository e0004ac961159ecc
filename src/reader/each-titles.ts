/**
 * 昨天和前天分别调研了养老服务和学前教育: several days, one deed, and as many objects as days —
 * each day's entry takes its own object (调研了养老服务 / 调研了学前教育), in order. Where the
 * objects cannot be told apart safely, every entry keeps the whole words (nothing is guessed).
 */

/** 分别 or 各 before the deed. */
const EACH_WORD = /分别|各(?=开展|组织|召开|进行|视察|调研|听取|检查)/;
/** What joins the objects of one deed. 以及 before 及, so it splits once. */
const JOINER = /以及|和|、|及|与/;
/** A shared tail the last object carries for all (区法院和区检察院的工作报告). */
const SHARED_TAIL = /的[^的]+$/;

/**
 * One title per day for a 分别 message, or undefined when the words do not split into exactly
 * `days` objects after the deed word (`deed`, e.g. 视察 from the kind lexicon).
 */
export function eachTitles(title: string, deed: string, days: number): string[] | undefined {
  const each = EACH_WORD.exec(title);
  if (!each) return undefined;
  const before = title.slice(0, each.index);
  const after = title.slice(each.index + each[0].length);
  const at = deed ? after.indexOf(deed) : -1;
  if (at < 0) return undefined;
  // 分别视察了A和B: the deed opens what follows, the objects come after it.
  if (at <= 2) {
    const verbEnd = at + deed.length + (/^[了过]/.test(after.slice(at + deed.length)) ? 1 : 0);
    return spread(after.slice(verbEnd), days, (o) => `${before}${after.slice(0, verbEnd)}${o}`);
  }
  // 分别就A和B开展了调研: the objects sit between the preposition and the deed.
  const framed = /^(就|对|围绕|针对)(.+?)((?:开展|进行|组织|作|做)?了?)$/.exec(after.slice(0, at));
  if (!framed) return undefined;
  return spread(framed[2], days, (o) => `${before}${framed[1]}${o}${framed[3]}${after.slice(at)}`);
}

/** The objects of one deed, one per day, each written into a title; undefined unless exactly `days`. */
function spread(words: string, days: number, titleOf: (object: string) => string): string[] | undefined {
  const objects = words.split(JOINER).map((o) => o.trim());
  // 和谐, 参与, 涉及: a joiner inside a word leaves a piece too short to be an object.
  if (objects.length !== days || objects.some((o) => o.length < 2)) return undefined;
  const tail = SHARED_TAIL.exec(objects[objects.length - 1]);
  const shared = tail && objects.slice(0, -1).every((o) => !o.includes('的')) ? tail[0] : '';
  return objects.map((o, i) => titleOf(`${o}${i < objects.length - 1 ? shared : ''}`));
}
