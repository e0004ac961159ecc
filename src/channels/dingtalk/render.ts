/**
 * Reply text → DingTalk messages: plain text (line breaks kept as written; `**bold**` loses its
 * stars), split at 5,000 characters; choices as an ActionCard whose buttons send the choice
 * back as the person's own message (`dtmd://dingtalkclient/sendMessage`).
 */
import type { ReplyChoice } from '../../assistant/index.ts';
import { splitText } from '../kit/index.ts';
import { CHOOSE } from './messages.ts';

/** Longest text sent in one message. */
export const DINGTALK_TEXT_CHARS = 5000;

/** Reply text → pieces of plain text within the limit. */
export function renderPieces(text: string): string[] {
  return splitText(text.replace(/\*\*([^*\n]+?)\*\*/g, '$1'), DINGTALK_TEXT_CHARS);
}

/** An ActionCard (markdown text, vertical buttons) whose buttons send each choice's text. */
export function choiceCard(piece: string, choices: readonly ReplyChoice[]): Record<string, unknown> {
  return {
    title: CHOOSE,
    // Markdown wants two spaces before a line break.
    text: piece.replace(/\n/g, '  \n'),
    btnOrientation: '0',
    btns: choices.map((choice) => ({ title: choice.label, actionURL: `dtmd://dingtalkclient/sendMessage?content=${encodeURIComponent(choice.send)}` })),
  };
}
