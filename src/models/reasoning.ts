/**
 * Reasoning models (Qwen3, DeepSeek-R1, QwQ) write their thinking into the reply between
 * <think> and </think> unless the server splits it off. That text is the model talking to
 * itself — guesses, English, figures from nowhere — and must reach no reader, prompt check
 * or draft. Some chat templates put the opening tag into the prompt, so a reply may hold only
 * the closing one: everything before it is thinking too.
 */

const OPEN = /^\s*<(think|thinking|reasoning)>/i;
const CLOSE = /<\/(?:think|thinking|reasoning)>/i;
const OPENINGS = ['<think>', '<thinking>', '<reasoning>'];

/** The reply without its reasoning; empty when it holds nothing else (or the thinking never ended). */
export function withoutReasoning(reply: string): string {
  const close = CLOSE.exec(reply);
  if (close) return reply.slice(close.index + close[0].length).replace(/^\s+/, '');
  return OPEN.test(reply) ? '' : reply;
}

/**
 * The same for a reply read piece by piece: pieces are held back while the reply may still
 * open with a reasoning block, dropped while inside it, and passed on after it closes.
 */
export class ReasoningFilter {
  private held = '';
  private state: 'start' | 'thinking' | 'after' | 'answer' = 'start';

  /** The part of this piece that is answer text ('' while thinking or undecided). */
  push(piece: string): string {
    if (this.state === 'answer') return piece;
    if (this.state === 'after') {
      // The blank lines between the block and the answer are the block's.
      const text = piece.replace(/^\s+/, '');
      if (text) this.state = 'answer';
      return text;
    }
    this.held += piece;
    if (this.state === 'start') {
      const lead = this.held.trimStart().toLowerCase();
      // Nothing yet, or still possibly the start of an opening tag: wait for more.
      if (OPENINGS.some((tag) => tag.startsWith(lead))) return '';
      if (!OPEN.test(this.held)) {
        this.state = 'answer';
        const out = this.held;
        this.held = '';
        return out;
      }
      this.state = 'thinking';
    }
    const close = CLOSE.exec(this.held);
    if (!close) return '';
    const out = this.held.slice(close.index + close[0].length).replace(/^\s+/, '');
    this.held = '';
    this.state = out ? 'answer' : 'after';
    return out;
  }
}
