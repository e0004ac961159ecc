/**
 * Reply text → Telegram HTML. `**bold**` is the only markup a Reply carries; everything
 * else is escaped, so a passage quoting `<script>` or `a & b` arrives as written.
 */

/** Telegram's limit on a message's visible text (after entity parsing), in UTF-16 units. */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** Telegram's limit on a photo or document caption. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

interface Styled {
  /** The visible text, markers removed. */
  readonly visible: string;
  /** Half-open ranges of `visible` shown in bold. */
  readonly bold: readonly (readonly [number, number])[];
}

/** Escape the three characters Telegram's HTML parse mode reserves. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function parse(text: string): Styled {
  const bold: [number, number][] = [];
  let visible = '';
  let last = 0;
  // Only closed pairs are bold: a stray `**` (e.g. mid-stream) stays literal text.
  for (const match of text.matchAll(/\*\*([^*\n](?:[\s\S]*?[^*\n])??)\*\*/g)) {
    visible += text.slice(last, match.index);
    const start = visible.length;
    visible += match[1];
    bold.push([start, visible.length]);
    last = match.index + match[0].length;
  }
  visible += text.slice(last);
  return { visible, bold };
}

function renderRange(styled: Styled, from: number, to: number): string {
  let html = '';
  let at = from;
  for (const [start, end] of styled.bold) {
    if (end <= from || start >= to) continue;
    const a = Math.max(start, from);
    const b = Math.min(end, to);
    html += escapeHtml(styled.visible.slice(at, a));
    html += `<b>${escapeHtml(styled.visible.slice(a, b))}</b>`;
    at = b;
  }
  return html + escapeHtml(styled.visible.slice(at, to));
}

/** Where to cut `visible` so each piece holds at most `limit` units, preferring line and sentence ends. */
function cutPoints(visible: string, limit: number): number[] {
  const cuts: number[] = [];
  let from = 0;
  while (visible.length - from > limit) {
    const window = visible.slice(from, from + limit);
    const floor = Math.floor(limit / 2);
    let cut = -1;
    for (const mark of ['\n\n', '\n', '。', '；', '，', ' ']) {
      const i = window.lastIndexOf(mark);
      if (i >= floor) {
        cut = i + mark.length;
        break;
      }
    }
    if (cut < 0) {
      cut = limit;
      // Never split a surrogate pair (an emoji or a rare CJK character).
      const code = visible.charCodeAt(from + cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    from += cut;
    cuts.push(from);
  }
  return cuts;
}

/** Render a reply's text as Telegram HTML messages, each within `limit` visible characters. */
export function renderHtmlChunks(text: string, limit: number = TELEGRAM_TEXT_LIMIT): string[] {
  const styled = parse(text);
  if (styled.visible.trim() === '') return [];
  const bounds = [0, ...cutPoints(styled.visible, limit), styled.visible.length];
  const chunks: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const html = renderRange(styled, bounds[i], bounds[i + 1]);
    if (html.trim() !== '') chunks.push(html);
  }
  return chunks;
}

/** Render text that must fit in one message (a caption, a streamed preview), cutting with `…` if needed. */
export function renderHtmlSingle(text: string, limit: number): string {
  const styled = parse(text);
  if (styled.visible.length <= limit) return renderRange(styled, 0, styled.visible.length);
  let end = limit - 1;
  const code = styled.visible.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return renderRange(styled, 0, end) + '…';
}
