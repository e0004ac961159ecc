/**
 * Reply text → Feishu messages: `text` messages (Feishu shows no markup in them, so `**bold**`
 * loses its stars) split well under the 150 KB request limit, and choices as an interactive
 * card whose buttons carry a key the channel maps back to the choice.
 */
import type { ReplyChoice } from '../../assistant/index.ts';
import { splitText, utf8Bytes } from '../kit/index.ts';

/** UTF-8 bytes per text message: Feishu takes 150 KB per request, content escaped twice in JSON. */
export const FEISHU_TEXT_BYTES = 100_000;

/** Reply text → plain text pieces within the limit. */
export function renderPieces(text: string, limit = FEISHU_TEXT_BYTES): string[] {
  return splitText(text.replace(/\*\*([^*\n]+?)\*\*/g, '$1'), limit, utf8Bytes);
}

/** An interactive card (message card JSON 1.0): the text, and a button per choice carrying its key. */
export function choiceCard(piece: string, choices: readonly { readonly choice: ReplyChoice; readonly key: string }[], note?: string): Record<string, unknown> {
  const elements: Record<string, unknown>[] = [{ tag: 'div', text: { tag: 'plain_text', content: piece } }];
  if (note) elements.push({ tag: 'div', text: { tag: 'plain_text', content: note } });
  else {
    elements.push({
      tag: 'action',
      actions: choices.map(({ choice, key }, index) => ({
        tag: 'button',
        text: { tag: 'plain_text', content: choice.label },
        type: index === 0 ? 'primary' : 'default',
        value: { lvzhi: key },
      })),
    });
  }
  return { config: { wide_screen_mode: true }, elements };
}
