/**
 * jieba's guesses across a word boundary in a question: 赤字率定的 cut 赤字|率定, 占比到多少 cut
 * 占|比到. The guessed pair (率定, 比到) is in no passage of the library, so the found decision
 * read it as the topic the documents lack and declined; yet its first character completes the
 * word before it (赤字率, 占比) — or its last starts the word after — as the passages found write
 * it. Such a pair is no topic of the question, only a mis-cut.
 */
import type { TaggedWord } from '../search/word-segmenter.ts';

// Function words (的, 了, 在, 和, 是) never take a character of the next word: 的食 in 的食品 says
// nothing of 食堂.
const FUNCTION_TAG = /^(?:u|p|c|y|r|x|m|q|e|o|w|d|f|zg)/;
const HAN_PAIR = /^\p{Script=Han}{2}$/u;

/**
 * The two-character words of a tagged question the index lacks (`inIndex` false) whose first
 * character joins the content word before it, or whose last joins the one after, into text one
 * of the passages found holds.
 */
export function boundaryGuesses(
  tagged: readonly TaggedWord[], inIndex: (word: string) => boolean, texts: readonly string[],
): Set<string> {
  const out = new Set<string>();
  const content = (t: TaggedWord | undefined): t is TaggedWord => !!t && /\p{Script=Han}/u.test(t.word) && !FUNCTION_TAG.test(t.tag);
  tagged.forEach(({ word }, i) => {
    if (!HAN_PAIR.test(word) || inIndex(word)) return;
    const before = tagged[i - 1];
    const after = tagged[i + 1];
    const joined = [content(before) ? before.word + word[0] : '', content(after) ? word[1] + after.word : ''].filter(Boolean);
    if (joined.some((text) => texts.some((passage) => passage.includes(text)))) out.add(word);
  });
  return out;
}
