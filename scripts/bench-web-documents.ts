/**
 * The web console's 文档 and 起草 pages, timed over HTTP against the real server: a data folder
 * with `passages` passages (the knowledge bench's corpus) and `entries` log entries (the
 * activities bench's rows), one admin signed in through a real one-time link. Each page is
 * asked `rounds` times after a warm-up; p50 and p95 in milliseconds (target ≤ 200 ms).
 * `npm run --silent bench -- --sections web-documents --passages 100000 --json`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices } from '../src/app.ts';
import { loadSettings } from '../src/config.ts';
import { createLinkIssuer, startWebServer } from '../src/web/index.ts';
import { benchRows } from './bench-activities.ts';
import { writeBenchCorpus } from './bench-corpus.ts';
import { quantile } from './bench-quantile.ts';

/** Figures of one page: p50 and p95 in milliseconds. */
type PageFigures = { p50_ms: number; p95_ms: number };

/** What the section prints. */
export interface WebDocumentsBench {
  readonly passages: number;
  readonly entries: number;
  readonly pages: Record<string, PageFigures>;
}

/** Build the data folder, start the console and time its 文档 and 起草 pages. */
export async function benchWebDocuments(options: { passages?: number; entries?: number; rounds?: number; log?: (line: string) => void } = {}): Promise<WebDocumentsBench> {
  const passages = options.passages ?? 100_000;
  const entries = options.entries ?? 100_000;
  const rounds = options.rounds ?? 30;
  const log = options.log ?? (() => {});
  const root = mkdtempSync(join(tmpdir(), 'lvzhi-bench-web-docs-'));
  const dataDir = join(root, 'data');
  const settings = loadSettings({ LVZHI_DATA_DIR: dataDir, LVZHI_ADMINS: 'telegram:1', LVZHI_WEB_PORT: '0' }, {});
  const services = await openServices({ dataDir, settings });
  try {
    writeBenchCorpus(join(root, 'corpus'), passages);
    await services.knowledge.ingest([join(root, 'corpus')]);
    await services.knowledge.indexed(); // pages measured with the whole graph
    await services.activities.addMany(benchRows(entries, services.taxonomy.kinds.map((k) => k.id)), { by: 'bench', channel: 'import' });
    log(`web-documents: ${services.knowledge.size()} passages, ${entries} entries stored`);
    const server = await startWebServer({ services, port: 0, host: '127.0.0.1', now: () => Date.now() });
    try {
      const issuer = createLinkIssuer({
        settings: { LVZHI_WEB_HOST: '127.0.0.1', LVZHI_WEB_PORT: server.port }, store: services.conversations, access: services.access, now: () => Date.now(),
      });
      const token = new URL((await issuer.issue({ personId: 'telegram:1' })).url).searchParams.get('token')!;
      const signIn = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
      const call = async (path: string, init: RequestInit = {}) => {
        const response = await fetch(`${server.url}${path}`, { redirect: 'manual', ...init, headers: { cookie } });
        await response.arrayBuffer();
        if (response.status >= 400) throw new Error(`${path}: ${response.status}`);
        return response;
      };
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await fetch(`${server.url}/drafts`, { headers: { cookie } })).text())![1];
      const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams({ _csrf: csrf, ...fields }) });
      // A rule book in the middle of the corpus (200 articles a file), named relative to the folder ingested.
      const doc = `rules-${String(Math.floor(passages / 400)).padStart(4, '0')}.md`;
      const draftAt = (await call('/drafts', form({ request: '起草一段监督工作的总结', period: '2023年上半年' }))).headers.get('location')!;
      const pages: Record<string, () => Promise<unknown>> = {
        documents_list: () => call('/documents?page=3'),
        document_passages: () => call(`/documents/view?doc=${encodeURIComponent(doc)}&page=2`),
        document_search: () => call(`/documents/view?doc=${encodeURIComponent(doc)}&q=${encodeURIComponent('代表建议的办理期限')}`),
        draft_form: () => call('/drafts'),
        draft_create: () => call('/drafts', form({ request: '起草一段监督工作的总结', period: '2023年上半年' })),
        draft_view: () => call(draftAt),
        draft_edit: () => call(draftAt, form({ text: '区人大常委会2023年上半年监督工作情况\n半年来共视察9次。' })),
        draft_docx: () => call(`${draftAt}/docx`),
      };
      const figures: Record<string, PageFigures> = {};
      for (const [name, page] of Object.entries(pages)) {
        for (let i = 0; i < 3; i++) await page();
        const times: number[] = [];
        for (let i = 0; i < rounds; i++) {
          const started = performance.now();
          await page();
          times.push(performance.now() - started);
        }
        figures[name] = { p50_ms: round(quantile(times, 0.5)), p95_ms: round(quantile(times, 0.95)) };
        log(`web-documents: ${name} p50 ${figures[name].p50_ms} ms, p95 ${figures[name].p95_ms} ms`);
      }
      return { passages: services.knowledge.size(), entries, pages: figures };
    } finally {
      await server.close();
    }
  } finally {
    await services.close();
    rmSync(root, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 10) / 10;
