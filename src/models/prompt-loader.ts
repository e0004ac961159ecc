/**
 * Loads the prompt files in `prompts/` and fills their `{{name}}` placeholders. A file may be
 * split into chat messages by lines that read `[system]`, `[user]` or `[assistant]`;
 * `<!-- … -->` comments are notes for the people who edit the file and are never sent.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { InternalError } from '../errors.ts';
import { modelMessages } from './messages.ts';
import type { ChatMessage } from './types.ts';

/** The shipped `prompts/` folder at the root of the checkout. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts', import.meta.url));

/** Values for a prompt's placeholders. */
export type PromptValues = Readonly<Record<string, string | number>>;

const ROLE_LINE = /^\[(system|user|assistant)\]\s*$/;
// Names may be Chinese (`{{时段}}`) as well as ASCII; anything but braces and spaces.
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** One prompt file, read fresh on every load so an edit takes effect without a restart. */
export class PromptTemplate {
  constructor(
    /** File name inside the prompts folder, e.g. `answer.md`. */
    readonly name: string,
    /** The file's text, comments removed. */
    readonly source: string,
  ) {}

  /** Placeholders the file uses. */
  get placeholders(): string[] {
    return [...new Set([...this.source.matchAll(PLACEHOLDER)].map((m) => m[1]))];
  }

  /**
   * The text with every placeholder replaced, in one pass: a value that itself contains
   * `{{…}}` (say, a document quoting a template) is inserted as it is, never expanded.
   */
  fill(values: PromptValues, text = this.source): string {
    return text.replace(PLACEHOLDER, (_, key: string) => {
      const value = values[key];
      if (value === undefined) throw new InternalError('prompt_placeholder', modelMessages.promptPlaceholder(this.name, key));
      return String(value);
    }).trim();
  }

  /** Chat messages from the `[system]`/`[user]` sections, filled; the whole file is one user message when it has none. */
  messages(values: PromptValues): ChatMessage[] {
    const out: ChatMessage[] = [];
    let role: ChatMessage['role'] = 'user';
    let lines: string[] = [];
    const flush = () => {
      const content = this.fill(values, lines.join('\n'));
      if (content) out.push({ role, content });
      lines = [];
    };
    for (const line of this.source.split('\n')) {
      const marker = ROLE_LINE.exec(line);
      if (marker) {
        flush();
        role = marker[1] as ChatMessage['role'];
      } else {
        lines.push(line);
      }
    }
    flush();
    return out;
  }
}

/** Read `prompts/<name>` (`name` with its extension, or without: `.md` then `.txt` are tried). */
export function loadPrompt(name: string, dir: string = DEFAULT_PROMPTS_DIR): PromptTemplate {
  const candidates = /\.(md|txt)$/.test(name) ? [name] : [`${name}.md`, `${name}.txt`];
  for (const file of candidates) {
    let raw: string;
    try {
      raw = readFileSync(join(dir, file), 'utf8');
    } catch {
      continue;
    }
    const source = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
    return new PromptTemplate(file, source);
  }
  throw new InternalError('prompt_missing', modelMessages.promptMissing(candidates[0]));
}

/** Shorthand: load a prompt and fill it into chat messages. */
export function promptMessages(name: string, values: PromptValues, dir?: string): ChatMessage[] {
  return loadPrompt(name, dir).messages(values);
}
