/**
 * The XML WeCom posts: the outer envelope (`Encrypt`) and the decrypted message. Both are flat
 * `<xml><Name><![CDATA[value]]></Name>…</xml>`; nested elements (a card event's selections)
 * are read by their own names. Parsed with saxes, so CDATA, entities and odd spacing are right.
 */
import { SaxesParser } from 'saxes';

/** The text of each element under the root, by element name (the first occurrence wins). */
export function xmlFields(xml: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const parser = new SaxesParser();
  const stack: { name: string; text: string }[] = [];
  parser.on('opentag', (tag) => void stack.push({ name: tag.name, text: '' }));
  parser.on('text', (text) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  });
  parser.on('cdata', (text) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (element && stack.length > 0 && !(element.name in fields)) fields[element.name] = element.text.trim();
  });
  parser.write(xml).close();
  return fields;
}

/** One thing a person did that the channel handles. */
export type CallbackMessage =
  | { readonly kind: 'text'; readonly id: string; readonly from: string; readonly chat?: string; readonly text: string; readonly sentAt: Date }
  | { readonly kind: 'file'; readonly id: string; readonly from: string; readonly chat?: string; readonly mediaId: string; readonly name: string; readonly sentAt: Date }
  | { readonly kind: 'click'; readonly id: string; readonly from: string; readonly key: string; readonly taskId: string; readonly sentAt: Date }
  | { readonly kind: 'menu'; readonly id: string; readonly from: string; readonly key: string; readonly sentAt: Date }
  | { readonly kind: 'other'; readonly id: string; readonly type: string };

/** A decrypted message → what the channel does with it. */
export function readCallbackMessage(xml: string): CallbackMessage {
  const f = xmlFields(xml);
  const sentAt = new Date(Number(f.CreateTime ?? 0) * 1000);
  const from = f.FromUserName ?? '';
  // Events have no MsgId: the sender, time and event identify a delivery.
  const id = f.MsgId ?? `${from}:${f.CreateTime ?? ''}:${f.Event ?? ''}:${f.EventKey ?? ''}:${f.TaskId ?? ''}`;
  const chat = f.ChatId || undefined;
  if (f.MsgType === 'text') return { kind: 'text', id, from, chat, text: f.Content ?? '', sentAt };
  if (f.MsgType === 'file' && f.MediaId) {
    return { kind: 'file', id, from, chat, mediaId: f.MediaId, name: f.FileName || f.Title || `${f.MediaId}.bin`, sentAt };
  }
  if (f.MsgType === 'event' && f.Event === 'template_card_event' && f.EventKey) {
    return { kind: 'click', id, from, key: f.EventKey, taskId: f.TaskId ?? '', sentAt };
  }
  if (f.MsgType === 'event' && f.Event === 'click' && f.EventKey) return { kind: 'menu', id, from, key: f.EventKey, sentAt };
  return { kind: 'other', id, type: f.MsgType === 'event' ? `event:${f.Event ?? ''}` : f.MsgType ?? '' };
}
