import { readFileSync } from 'node:fs';

/** The office's editable drafting templates (prompts/draft-templates.md). */
export const TEMPLATES_FILE = new URL('../../prompts/draft-templates.md', import.meta.url);

/** Templates by slot (开头, 条目, …) and key (a topic id, kinds joined by `+`, or `*`). */
export class DraftTemplates {
  private readonly slots = new Map<string, string>();

  constructor(markdown: string) {
    let current: string | undefined;
    const body: string[] = [];
    const flush = () => {
      if (current) this.slots.set(current, body.join('\n').trim());
      body.length = 0;
    };
    for (const line of markdown.split(/\r?\n/)) {
      const heading = /^##\s+(\S+)\s+(\S+)\s*$/.exec(line);
      if (heading) {
        flush();
        current = `${heading[1]} ${heading[2]}`;
      } else if (current) {
        body.push(line);
      }
    }
    flush();
  }

  /** The template for a slot and key, falling back to the slot's `*` template. */
  get(slot: string, key: string): string | undefined {
    return this.find(slot, key) ?? this.slots.get(`${slot} *`);
  }

  /** The template for exactly this slot and key, or undefined. */
  find(slot: string, key: string): string | undefined {
    return this.slots.get(`${slot} ${key}`);
  }
}

/** Read the templates file. */
export function loadTemplates(file: string | URL = TEMPLATES_FILE): DraftTemplates {
  return new DraftTemplates(readFileSync(file, 'utf8'));
}

/**
 * Fill `{{name}}` placeholders. A `[[ … ]]` segment is kept only when every placeholder
 * inside it has a value; otherwise the whole segment is dropped.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | undefined>>): string {
  const fill = (text: string) => text.replace(/\{\{([^}]+)\}\}/g, (_, name: string) => values[name.trim()] ?? '');
  const optional = template.replace(/\[\[([\s\S]*?)\]\]/g, (_, inner: string) => {
    const names = [...inner.matchAll(/\{\{([^}]+)\}\}/g)].map((m) => m[1].trim());
    return names.every((n) => values[n]) ? inner : '';
  });
  return fill(optional);
}
