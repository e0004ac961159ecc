/**
 * Offline drafting speed: a half-year log of generated entries, then drafts of each topic
 * from templates (no model). Run alone: `npx tsx scripts/bench-drafting.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadTaxonomy } from '../src/reader/index.ts';
import { openActivityLog, sqliteActivityStore } from '../src/log/index.ts';
import { createDrafter } from '../src/drafting/index.ts';

/** Drafting figures. */
export interface DraftingBench {
  readonly entries: number;
  readonly drafts: number;
  readonly draft_ms_p50: number;
  readonly draft_ms_max: number;
}

const REQUESTS = [
  '起草一段上半年监督工作的总结', '写一段上半年代表工作的发言', '帮我写上半年自身建设方面的情况',
  '写段话总结一下近半年的视察调研工作', '写一段今年以来代表建议办理工作的汇报', '拟写上半年人大工作总结',
  '起草一段在代表座谈会上的发言', '写一段半年来发挥代表作用、做好代表培训和建议办理的汇报', '写一份第二季度工作汇报',
];

/** Draft every request a few times over a log of `entries` activities. */
export async function benchDrafting(options: { entries?: number; rounds?: number } = {}): Promise<DraftingBench> {
  const entries = options.entries ?? 2_000;
  const rounds = options.rounds ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-bench-draft-'));
  const taxonomy = loadTaxonomy();
  const log = openActivityLog({ dataDir: dir, taxonomy });
  try {
    const kinds = taxonomy.kinds.map((k) => k.id);
    log.addMany(Array.from({ length: entries }, (_, i) => ({
      date: `2023-${String(1 + (i % 6)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      kind: kinds[i % kinds.length],
      title: `第${i + 1}项工作：视察全区重点项目建设情况`,
    })), { by: '办公室', channel: 'bench' });
    const drafter = createDrafter({ log: sqliteActivityStore(log), taxonomy });
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const request of REQUESTS) {
        const started = performance.now();
        await drafter.draft({ request, now: '2023-07-05' });
        times.push(performance.now() - started);
      }
    }
    times.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 100) / 100;
    return { entries, drafts: times.length, draft_ms_p50: round(times[Math.floor(times.length / 2)]), draft_ms_max: round(times[times.length - 1]) };
  } finally {
    log.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchDrafting()));
}
