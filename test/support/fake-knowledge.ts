/**
 * A small knowledge base implementing the real `KnowledgeBase` interface, for tests that
 * exercise the assistant before (or without) the real index: it reads .txt/.md files
 * for real, splits them into paragraphs and ranks them by shared character bigrams.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { UserError } from '../../src/errors.ts';
import type { Answer, DocumentInfo, IngestProgress, IngestReport, KnowledgeBase, Passage, ScoredPassage } from '../../src/knowledge/types.ts';

const bigrams = (text: string) => {
  const set = new Set<string>();
  const t = text.replace(/\s+/g, '');
  for (let i = 0; i + 1 < t.length; i++) set.add(t.slice(i, i + 2));
  return set;
};

/** In-memory knowledge base over real text files. */
export class FakeKnowledgeBase implements KnowledgeBase {
  readonly passages: Passage[] = [];
  readonly questions: string[] = [];
  private readonly hashes = new Map<string, string>();
  private nextId = 1;

  async indexed(): Promise<void> {}

  async ingest(paths: readonly string[], options?: { onProgress?: IngestProgress }): Promise<IngestReport> {
    const files: string[] = [];
    for (const path of paths) {
      const info = await stat(path).catch(() => undefined);
      if (!info) throw new UserError('path_missing', `找不到：${path}`);
      if (info.isDirectory()) files.push(...(await readdir(path)).map((f) => join(path, f)));
      else files.push(path);
    }
    let added = 0, updated = 0, unchanged = 0;
    const skipped: Array<{ path: string; reason: string }> = [];
    for (const [i, file] of files.entries()) {
      options?.onProgress?.(i, files.length, file);
      if (!['.txt', '.md'].includes(extname(file))) {
        skipped.push({ path: file, reason: '格式不支持' });
        continue;
      }
      const text = await readFile(file, 'utf8');
      if (!text.trim()) {
        skipped.push({ path: file, reason: '文件是空的' });
        continue;
      }
      const doc = basename(file);
      const previous = this.hashes.get(doc);
      if (previous === text) {
        unchanged++;
        continue;
      }
      if (previous !== undefined) {
        updated++;
        this.passages.splice(0, this.passages.length, ...this.passages.filter((p) => p.doc !== doc));
      } else added++;
      this.hashes.set(doc, text);
      const title = text.split('\n')[0].replace(/^#+\s*/, '').trim() || doc;
      for (const [n, paragraph] of text.split(/\n\s*\n/).entries()) {
        if (!paragraph.trim()) continue;
        this.passages.push({ id: this.nextId++, doc, title, text: paragraph.trim(), location: `第${n + 1}段`, context: '' });
      }
      options?.onProgress?.(i + 1, files.length, file);
    }
    return { added, updated, unchanged, skipped, notes: [], chunks: this.passages.length };
  }

  async remove(doc: string): Promise<{ doc: string; passages: number } | undefined> {
    const before = this.passages.length;
    this.passages.splice(0, before, ...this.passages.filter((p) => p.doc !== doc));
    this.hashes.delete(doc);
    return this.passages.length < before ? { doc, passages: before - this.passages.length } : undefined;
  }

  /** Every document is public and in force here (scopes and versions are the real catalog's). */
  async documents(): Promise<DocumentInfo[]> {
    return [...this.hashes.keys()].map((doc) => {
      const passages = this.passages.filter((p) => p.doc === doc);
      return { doc, title: passages[0]?.title ?? doc, passages: passages.length, added_at: '', scope: '公共', status: 'in_force' as const };
    });
  }

  async document(doc: string): Promise<DocumentInfo | undefined> {
    return (await this.documents()).find((d) => d.doc === doc);
  }

  async setStatus(doc: string): Promise<DocumentInfo> {
    const found = await this.document(doc);
    if (!found) throw new UserError('unknown_document', `没有“${doc}”这个文件。`);
    return found;
  }

  async search(question: string, k: number): Promise<ScoredPassage[]> {
    const q = bigrams(question);
    return this.passages
      .map((passage) => {
        let shared = 0;
        for (const g of bigrams(passage.text)) if (q.has(g)) shared++;
        return { passage, score: shared / Math.max(1, q.size) };
      })
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }

  async ask(question: string, options?: { k?: number; onPartial?: (t: string) => void }): Promise<Answer> {
    if (!question.trim()) throw new UserError('empty_question', '问题是空的。');
    this.questions.push(question);
    const found = await this.search(question, options?.k ?? 5);
    if (found.length === 0) return { answer: '知识库中没有找到相关内容。', found: false, mode: 'extractive', sources: [] };
    const answer = `${found[0].passage.text} [1]`;
    options?.onPartial?.(answer);
    return {
      answer,
      found: true,
      mode: 'extractive',
      sources: found.map(({ passage, score }) => ({ doc: passage.doc, title: passage.title, location: passage.location, text: passage.text, score })),
    };
  }

  size(): number {
    return this.passages.length;
  }

  close(): void {}
}
