/** `/draft` and plain drafting requests: the draft, what it rests on, and its Word file. */
import type { IsoDate } from '../time/index.ts';
import type { Visibility } from '../knowledge/index.ts';
import type { DraftTurn } from './draft-follow-up.ts';
import { messages as m } from './messages.ts';
import type { DraftingPort, DraftReply } from './ports.ts';
import type { Incoming, Reply, ReplyFile } from './types.ts';

/** How a follow-up wants the draft: below a length (再短一点), or its figures checked (把数字再核一下). */
export interface DraftWish {
  readonly shorterThan?: number;
  readonly check?: boolean;
}

/** The reply to a drafting request (drafting may be absent: then say so). */
export async function draftReply(drafting: DraftingPort | undefined, request: string, today: IsoDate, visibility: Visibility = {}): Promise<Reply> {
  return (await drafted(drafting, request, today, visibility)).reply;
}

async function drafted(drafting: DraftingPort | undefined, request: string, today: IsoDate, visibility: Visibility, wish: DraftWish = {}): Promise<{ reply: Reply; result?: DraftReply }> {
  if (!drafting) return { reply: { text: m.draftUnavailable } };
  if (!request) return { reply: { text: m.emptyDraft } };
  const result = await drafting.draft(request, { now: today, ...visibility });
  if (wish.check) return { reply: { text: checkText(result) }, result };
  // 再短一点 when the draft is already only its figures' sentences: the same draft, and why it is no shorter.
  const notShorter = wish.shorterThan !== undefined && result.length !== undefined && result.length >= wish.shorterThan ? m.draftNotShorter(result.length) : undefined;
  const text = [result.text, result.basis, result.note, notShorter].filter(Boolean).join('\n\n');
  const files: ReplyFile[] = result.docx ? [{ name: result.fileName ?? m.draftFileName, data: result.docx, kind: 'document' }] : [];
  return { reply: files.length ? { text, files } : { text }, result };
}

/** Each figure of the draft with the log's count behind it. */
function checkText(result: DraftReply): string {
  const figures = result.figures ?? [];
  if (figures.length === 0) return m.draftNoFigures;
  const lines = figures.map((f) => (f.count !== undefined ? m.draftFigureAgrees(f.text, f.kinds ?? '', f.count) : m.draftFigureUngrounded(f.text)));
  return [m.draftCheckHead(result.period ?? ''), ...lines, m.draftCheckTail].join('\n');
}

/**
 * Drafts that the thread remembers (its request and length), so 改成发言稿, 再短一点 and 导出word
 * right after a draft — typed or from /draft — know what they change.
 */
export function rememberedDrafts(
  drafting: DraftingPort | undefined,
  remember: (incoming: Incoming, turn: DraftTurn) => Promise<void>,
  visibility: (incoming: Incoming) => Visibility,
) {
  return async (request: string, incoming: Incoming, today: IsoDate, wish: DraftWish = {}): Promise<Reply> => {
    // Remembered before drafting, so 改成发言稿 after a request the drafter declined still knows it.
    if (drafting && request) await remember(incoming, { request });
    const { reply, result } = await drafted(drafting, request, today, visibility(incoming), wish);
    if (result?.length !== undefined) await remember(incoming, { request, length: result.length });
    return reply;
  };
}
