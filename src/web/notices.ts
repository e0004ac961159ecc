/**
 * What a finished change says on the page it leads back to (after a redirect, so reloading the
 * page does not send the change again): `?done=edited&id=17` and the like.
 */
import { html } from 'hono/html';
import type { Html } from './layout.ts';
import { webMessages } from './messages.ts';

const m = webMessages.log;

/** The address parameters that report a finished change. */
export function doneQuery(done: 'edited' | 'deleted' | 'imported', values: Record<string, number>): string {
  const params = new URLSearchParams({ done });
  for (const [name, value] of Object.entries(values)) params.set(name, String(value));
  return `?${params}`;
}

/** The notice for `?done=…`, or nothing. */
export function doneNotice(query: Record<string, string | undefined>): Html | string {
  const id = Number(query.id);
  const n = Number(query.n);
  const text = query.done === 'edited' && id > 0 ? m.edited(id)
    : query.done === 'deleted' && id > 0 ? m.deleted(id)
      : query.done === 'imported' && n >= 0 ? m.imported(n, Number(query.dup) || 0)
        : undefined;
  return text ? html`<p class="notice ok" role="status">${text}</p>` : '';
}
