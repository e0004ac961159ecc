/**
 * What the knowledge storage contracts run on: the passage and document stores of one empty
 * knowledge base, a second handle on the same data (another process, another connection), and
 * the folder its index files go in. A PostgreSQL implementation passes its own `open`.
 */
import { afterEach, beforeEach } from 'vitest';
import { createOfflineEmbedder, type DocumentStore, type KnowledgeStores, type PassageStore, type PassageToStore } from '../../../src/knowledge/index.ts';

/** One empty knowledge base's stores under test. */
export interface KnowledgeStoresRig {
  readonly stores: KnowledgeStores;
  /** Where index files are kept (a fresh folder). */
  readonly dataDir: string;
  /** A second, independent handle on the same stored data. */
  reopen(): Promise<KnowledgeStores>;
  /** Close every handle opened. */
  close(): Promise<void>;
}

/** Opens a fresh rig per test. */
export type OpenKnowledgeStoresRig = () => Promise<KnowledgeStoresRig>;

/** The embedder the contracts store vectors of. */
export const embedder = createOfflineEmbedder();

/** Passages to store (one per text, located 第N条), with their offline vectors. */
export async function passagesOf(title: string, texts: readonly string[]): Promise<PassageToStore[]> {
  const vectors = await embedder.embed(texts.map((text) => `${title}\n${text}`));
  return texts.map((text, i) => ({ text, location: `第${i + 1}条`, context: title, vector: vectors[i] }));
}

/** A document's identity for storing (markdown, its hash given). */
export function documentNamed(doc: string, title: string, contentHash = `hash-of-${doc}`) {
  return { doc, title, format: 'md' as const, contentHash };
}

/** Three articles of a rule, the passages most cases store. */
export const RULES = ['常务委员会会议一般每两个月举行一次。', '代表建议应当自交办之日起三个月内答复。', '执法检查报告应当书面提交常务委员会审议。'];

/** The rig of the running test, and its stores. */
export interface CurrentRig {
  readonly rig: KnowledgeStoresRig;
  readonly passages: PassageStore;
  readonly documents: DocumentStore;
}

/** A fresh rig before each test of the calling suite, closed after it; read it inside a test. */
export function freshRigEach(open: OpenKnowledgeStoresRig): CurrentRig {
  let rig: KnowledgeStoresRig | undefined;
  beforeEach(async () => {
    rig = await open();
  });
  afterEach(async () => rig?.close());
  return {
    get rig() {
      return rig!;
    },
    get passages() {
      return rig!.stores.passages;
    },
    get documents() {
      return rig!.stores.documents;
    },
  };
}
