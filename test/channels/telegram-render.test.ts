/** Reply text → Telegram HTML: escaping, bold, and splitting at Telegram's length limit. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtmlChunks } from '../../src/channels/telegram/index.ts';
import { visibleText } from '../support/telegram-stand-in.ts';

describe('telegram rendering', () => {
  it('escapes what Telegram HTML reserves and renders only closed **bold** pairs', () => {
    expect(escapeHtml('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(renderHtmlChunks('**第八条** 会议 <每两个月> & 临时')).toEqual(['<b>第八条</b> 会议 &lt;每两个月&gt; &amp; 临时']);
    // A stream cut mid-word leaves a lone `**`, shown as written rather than breaking the HTML.
    expect(renderHtmlChunks('已写到 **第八')).toEqual(['已写到 **第八']);
    expect(renderHtmlChunks('**甲** 和 **乙**')).toEqual(['<b>甲</b> 和 <b>乙</b>']);
    expect(renderHtmlChunks('   \n ')).toEqual([]);
  });

  it('splits long text at line ends within the limit, keeping bold spans that cross a cut', () => {
    const line = '依法履职'.repeat(10); // 40 characters
    const text = `**${line}\n${line}**\n${line}`;
    const chunks = renderHtmlChunks(text, 50);
    expect(chunks).toHaveLength(3);
    for (const chunk of chunks) expect(visibleText(chunk).length).toBeLessThanOrEqual(50);
    expect(chunks[0]).toBe(`<b>${line}\n</b>`);
    expect(chunks[1]).toBe(`<b>${line}</b>\n`);
    expect(chunks.map(visibleText).join('')).toBe(`${line}\n${line}\n${line}`);
  });

  it('cuts text without line breaks hard, never inside a surrogate pair', () => {
    const text = 'a'.repeat(9) + '𠀀' + 'b'.repeat(5); // 𠀀 takes two UTF-16 units
    const chunks = renderHtmlChunks(text, 10);
    expect(chunks[0]).toBe('a'.repeat(9));
    expect(chunks.join('')).toBe(text);
  });
});
