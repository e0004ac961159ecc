/**
 * Error codes are one closed set with one table of Chinese messages: every code has a message a
 * person can read, every code in the table is raised somewhere, and an error given no message
 * of its own shows the table's. (That every thrown code is in the set, the compiler checks:
 * AppError takes an ErrorCode.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, InternalError, UserError, type ErrorCode } from '../../src/errors.ts';
import { replyForError } from '../../src/assistant/index.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts') && !name.endsWith('error-messages.ts'))
  .map((name) => readFileSync(join(SRC, name), 'utf8'))
  .join('\n');

describe('error codes', () => {
  const codes = Object.keys(ERROR_MESSAGES) as ErrorCode[];

  it('gives every code a Chinese message that ends as a sentence', () => {
    expect(codes.length).toBeGreaterThan(50);
    for (const code of codes) {
      expect(code, 'codes are snake_case').toMatch(/^[a-z][a-z0-9_]*$/);
      expect(ERROR_MESSAGES[code], code).toMatch(/[\u4e00-\u9fff]/);
      expect(ERROR_MESSAGES[code], code).toMatch(/[。！？]$/);
    }
  });

  it('lists only codes the code raises (directly, or built as model_<failure> and <format>_corrupt)', () => {
    const built = (code: string) => /^model_/.test(code) ? sources.includes('`model_${failure}`') : /_corrupt$/.test(code) && sources.includes('`${format}_corrupt`');
    const unused = codes.filter((code) => !sources.includes(`'${code}'`) && !built(code));
    expect(unused).toEqual([]);
  });

  it('shows the table’s message when a throw gives none, and an apology with a reference for an internal one', () => {
    expect(replyForError(new UserError('nothing_to_undo'), { platform: 'terminal', threadId: 't', userId: 'u' }, () => undefined).text).toBe(ERROR_MESSAGES.nothing_to_undo);
    const logged: Record<string, unknown>[] = [];
    const reply = replyForError(new InternalError('chart_failed'), { platform: 'terminal', threadId: 't', userId: 'u', chatId: 'c' }, (entry) => logged.push(entry));
    expect(logged[0]).toMatchObject({ code: 'chart_failed', channel: 'terminal', chat: 'c', user: 'u' });
    expect(reply.text).toContain(String(logged[0].ref));
  });
});
