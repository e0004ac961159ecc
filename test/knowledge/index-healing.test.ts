/**
 * Index files are a cache of SQLite: one that will not load (truncated, 0 bytes, garbage, of
 * another format version, gone) is rebuilt from the database with a logged warning, and the
 * answers are the same as before the damage. An index that cannot be built at all leaves the
 * other one answering; one that cannot be saved (a full disk) serves from memory, and no
 * short or empty index file is ever left behind.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqlitePassageStore, openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { Bm25Index } from '../../src/knowledge/search/bm25-index.ts';
import { SearchIndexes } from '../../src/knowledge/search/search-indexes.ts';
import { Tokenizer } from '../../src/knowledge/search/tokenizer.ts';
import { VectorIndex } from '../../src/knowledge/search/vector-index.ts';
import { createOfflineEmbedder } from '../../src/knowledge/search/offline-embedder.ts';
import { openDatabase } from '../../src/storage/index.ts';
import type { Embedder } from '../../src/models/types.ts';
import { runCli } from '../support/cli-process.ts';
import { mountSmallFilesystem } from '../support/small-filesystem.ts';
import { tempFolder } from '../support/temp-folders.ts';
import { RULES, STAFF_QUESTIONS, writeLibrary } from '../support/kb-fixtures.ts';

const QUESTION = STAFF_QUESTIONS[0];

async function builtDataFolder(base = tempFolder('lvzhi-heal-')): Promise<string> {
  const data = join(base, 'data');
  const kb = await openSqliteKnowledgeBase({ dataDir: data, warn: () => undefined });
  await kb.ingest([writeLibrary(join(base, 'library'))]);
  kb.close();
  return data;
}

let built: Promise<string> | undefined;

/**
 * A fresh copy of one built data folder (database and index files): ingesting the library
 * again for every case was most of this file's time, and each case damages its own copy.
 */
async function copyOfBuiltFolder(): Promise<string> {
  const source = await (built ??= builtDataFolder());
  const copy = join(tempFolder('lvzhi-heal-'), 'data');
  cpSync(source, copy, { recursive: true });
  return copy;
}

function recordedFile(data: string, key: 'lexical_file' | 'vector_file'): string {
  const db = new Database(join(data, 'lvzhi.db'), { readonly: true });
  try {
    return join(data, (db.prepare('SELECT value FROM kb_meta WHERE key = ?').get(key) as { value: string }).value);
  } finally {
    db.close();
  }
}

async function answersWith(kb: OpenKnowledgeBase): Promise<string[]> {
  const out: string[] = [];
  for (const { question } of STAFF_QUESTIONS) out.push((await kb.search(question, 3)).map((s) => s.passage.text).join('|'));
  return out;
}

/** Every index file in the folder loads whole (none short, none empty). */
function indexFilesWhole(data: string): void {
  for (const name of readdirSync(data)) {
    if (/\.tmp-/.test(name)) throw new Error(`temporary left behind: ${name}`);
    if (name.endsWith('.bm25')) expect(Bm25Index.load(join(data, name)), name).toBeDefined();
    if (name.endsWith('.hnsw')) expect(statSync(join(data, name)).size, name).toBeGreaterThan(96);
  }
}

const DAMAGES: Record<string, (file: string) => void> = {
  'truncated to 12 bytes': (f) => truncateSync(f, 12),
  'truncated to 40 bytes': (f) => truncateSync(f, 40),
  'truncated to 60 bytes': (f) => truncateSync(f, 60),
  'cut in half': (f) => truncateSync(f, Math.floor(statSync(f).size / 2)),
  '0 bytes': (f) => truncateSync(f, 0),
  'overwritten with garbage': (f) => writeFileSync(f, Buffer.alloc(statSync(f).size, 0xa5)),
  'of another format version': (f) => {
    const bytes = readFileSync(f);
    bytes.write('LZBM25v0', 0); // the BM25 magic; for an HNSW file this garbles its header
    bytes.writeUInt32LE(0xffffffff, 16);
    writeFileSync(f, bytes);
  },
  deleted: (f) => unlinkSync(f),
};

describe('a damaged index file is rebuilt from the database', async () => {
  const pristine = await copyOfBuiltFolder();
  const clean = await openSqliteKnowledgeBase({ dataDir: pristine, warn: () => undefined });
  const expected = await answersWith(clean);
  clean.close();

  for (const key of ['lexical_file', 'vector_file'] as const) {
    for (const [damage, apply] of Object.entries(DAMAGES)) {
      it(`${key === 'lexical_file' ? 'BM25' : 'HNSW'} index ${damage}`, async () => {
        const data = await copyOfBuiltFolder();
        const file = recordedFile(data, key);
        apply(file);
        const warnings: string[] = [];
        const kb = await openSqliteKnowledgeBase({ dataDir: data, warn: (line) => warnings.push(line) });
        try {
          expect(await answersWith(kb)).toEqual(expected);
          expect(warnings.join('\n')).toMatch(/rebuilding it from the database/);
        } finally {
          kb.close();
        }
        // Repaired on disk too: the next opening loads it without a word.
        indexFilesWhole(data);
        const quiet: string[] = [];
        const again = await openSqliteKnowledgeBase({ dataDir: data, warn: (line) => quiet.push(line) });
        again.close();
        expect(quiet).toEqual([]);
      });
    }
  }

  for (const [key, index, other] of [['vector_file', 'vector', 'keywords'], ['lexical_file', 'keyword', 'vectors']] as const) {
    it(`a ${key === 'vector_file' ? 'HNSW' : 'BM25'} file damaged after opening (read at the first question) still answers, then is rebuilt`, async () => {
      const data = await copyOfBuiltFolder();
      const warnings: string[] = [];
      const kb = await openSqliteKnowledgeBase({ dataDir: data, warn: (line) => warnings.push(line) });
      try {
        // Opening leaves the index on disk until a question needs it; damaged in between, the
        // first question answers from the other index and the next one rebuilds it.
        truncateSync(recordedFile(data, key), 200);
        expect(await kb.search(QUESTION.question, 3)).not.toEqual([]);
        expect(warnings.join('\n')).toMatch(new RegExp(`${index} index file .* could not be read; searching with ${other} alone`));
        expect(await answersWith(kb)).toEqual(expected);
        expect(warnings.join('\n')).toMatch(/rebuilding it from the database/);
      } finally {
        kb.close();
      }
      indexFilesWhole(data);
    });
  }

  it('`ask` on the command line answers over a truncated BM25 file and says it rebuilt it', async () => {
    const data = await copyOfBuiltFolder();
    truncateSync(recordedFile(data, 'lexical_file'), 40);
    const run = await runCli(['ask', QUESTION.question, '--data', data, '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).sources[0].text).toBe(QUESTION.expected);
    expect(run.stderr).toMatch(/keyword index file .* rebuilding it/);
  });
});

/** An embedder whose service is down: a switch to it cannot embed the stored passages. */
const unreachableEmbedder: Embedder = {
  id: 'unreachable-model',
  dimensions: 8,
  async embed() {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
  },
};

describe('an index that cannot be built leaves the other one answering', () => {
  it('keyword search answers alone when the vector index cannot be built', async () => {
    const data = await copyOfBuiltFolder();
    const warnings: string[] = [];
    const kb = await openSqliteKnowledgeBase({ dataDir: data, embedder: unreachableEmbedder, warn: (line) => warnings.push(line) });
    try {
      const [best] = await kb.search(QUESTION.question, 1);
      expect(best.passage.text).toBe(QUESTION.expected);
      expect(warnings.join('\n')).toMatch(/vector index could not be built.*keywords alone/);
    } finally {
      kb.close();
    }
  });

  it('vector search answers alone when the keyword index cannot be built', async () => {
    const data = await copyOfBuiltFolder();
    unlinkSync(recordedFile(data, 'lexical_file'));
    const db = openDatabase(data);
    const warnings: string[] = [];
    class BrokenTokenizer extends Tokenizer {
      override terms(): string[] {
        throw new Error('tokenizer failed');
      }
    }
    const broken = new BrokenTokenizer();
    const indexes = new SearchIndexes(data, createSqlitePassageStore(db), broken, createOfflineEmbedder(), (line) => warnings.push(line));
    try {
      await indexes.sync();
      expect(indexes.bm25().size).toBe(0);
      const [question] = await createOfflineEmbedder().embed([RULES.meetings]);
      const [best] = indexes.hnsw().search(question, 1);
      const store = createSqlitePassageStore(db);
      expect((await store.passagesByIds([best.id]))[0].text).toBe(RULES.meetings);
      expect(warnings.join('\n')).toMatch(/keyword index could not be built.*vectors alone/);
    } finally {
      db.close();
    }
  });
});

const fs = mountSmallFilesystem(2048);
describe.skipIf(!fs)('a full disk', () => {
  it('questions still answer when the indexes cannot be rewritten, and no short file is left', async () => {
    const data = await builtDataFolder(fs!.path);
    const before = readdirSync(data).sort();
    // The running bot: its database is open. Another process commits a document to SQLite, then
    // the disk fills up before that process writes the index files.
    const warnings: string[] = [];
    const kb = await openSqliteKnowledgeBase({ dataDir: data, warn: (line) => warnings.push(line) });
    const other = openDatabase(data);
    const [vector] = await createOfflineEmbedder().embed(['补充规定\n第一条 常务委员会每年组织一次代表集中视察。']);
    await createSqlitePassageStore(other).replaceDocument(
      { doc: 'late.md', title: '补充规定', format: 'md', contentHash: 'x' },
      [{ text: '第一条 常务委员会每年组织一次代表集中视察。', location: '第一条', context: '补充规定', vector }],
      createOfflineEmbedder().id);
    other.close();
    const filler = fs!.fill();
    try {
      const [best] = await kb.search(QUESTION.question, 1);
      expect(best.passage.text).toBe(QUESTION.expected);
      const [late] = await kb.search('代表集中视察每年几次', 1);
      expect(late.passage.doc).toBe('late.md');
      expect(warnings.join('\n')).toMatch(/could not save the (keyword|vector) index \(ENOSPC/);
      // The index files on disk are the previous whole ones; nothing short or empty appeared.
      expect(readdirSync(data).filter((n) => !n.startsWith('lvzhi.db')).sort()).toEqual(before.filter((n) => !n.startsWith('lvzhi.db')));
      indexFilesWhole(data);
    } finally {
      kb.close();
      unlinkSync(filler);
    }
  });

  it('an HNSW save that runs out of room throws ENOSPC and publishes nothing', async () => {
    const dir = join(fs!.path, 'hnsw');
    const vectors = await createOfflineEmbedder().embed(Array.from({ length: 300 }, (_, i) => `第${i}条 常务委员会`));
    const index = VectorIndex.create(vectors[0].length, vectors.length);
    vectors.forEach((vector, i) => index.add(i, vector));
    mkdirSync(dir);
    const filler = fs!.fill();
    try {
      expect(() => index.save(join(dir, 'vectors.hnsw'))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      unlinkSync(filler);
    }
  });

  it('an ingest on a full disk stops with a Chinese reason, keeps what was stored and leaves no empty index', async () => {
    const data = await builtDataFolder(join(fs!.path));
    const kb = await openSqliteKnowledgeBase({ dataDir: data, warn: () => undefined });
    const sizeBefore = kb.size();
    const extra = join(tempFolder('lvzhi-heal-extra-'), 'extra.md');
    writeFileSync(extra, `# 附加规定\n\n${'第一条 常务委员会加强代表工作，密切同代表的联系。\n\n'.repeat(400)}`);
    const filler = fs!.fill();
    try {
      await expect(kb.ingest([extra])).rejects.toMatchObject({ code: 'disk_full', userMessage: expect.stringMatching(/磁盘空间不足/) });
      expect(kb.size()).toBe(sizeBefore);
      const [best] = await kb.search(QUESTION.question, 1);
      expect(best.passage.text).toBe(QUESTION.expected);
      indexFilesWhole(data);
    } finally {
      kb.close();
      unlinkSync(filler);
    }
  });
});
