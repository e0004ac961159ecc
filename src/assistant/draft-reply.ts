/** `/draft` and plain drafting requests: the draft, what it rests on, and its Word file. */
import type { IsoDate } from '../time/index.ts';
import type { Visibility } from '../knowledge/index.ts';
import { messages as m } from './messages.ts';
import type { DraftingPort } from './ports.ts';
import type { Incoming, Reply, ReplyFile } from './types.ts';

/** The reply to a drafting request (drafting may be absent: then say so). */
export async function draftReply(drafting: DraftingPort | undefined, request: string, today: IsoDate, visibility: Visibility = {}): Promise<Reply> {
  if (!drafting) return { text: m.draftUnavailable };
  if (!request) return { text: m.emptyDraft };
  const result = await drafting.draft(request, { now: today, ...visibility });
  const text = [result.text, result.basis, result.note].filter(Boolean).join('\n\n');
  const files: ReplyFile[] = result.docx ? [{ name: result.fileName ?? m.draftFileName, data: result.docx, kind: 'document' }] : [];
  return files.length ? { text, files } : { text };
}

/**
 * Drafts that the thread remembers (its request), so 改成发言稿 and 导出word right after a
 * draft — typed or from /draft — know what they change.
 */
export function rememberedDrafts(
  drafting: DraftingPort | undefined,
  remember: (incoming: Incoming, request: string) => Promise<void>,
  visibility: (incoming: Incoming) => Visibility,
) {
  return async (request: string, incoming: Incoming, today: IsoDate): Promise<Reply> => {
    if (drafting && request) await remember(incoming, request);
    return draftReply(drafting, request, today, visibility(incoming));
  };
}
