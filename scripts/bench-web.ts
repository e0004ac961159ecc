/**
 * The web console at scale (`npm run --silent bench -- --sections web --json`): a temporary
 * data folder with 100k log entries (five years, twenty people) and their audit trail, the real
 * server on 127.0.0.1, an admin signed in through a one-time link, and each page fetched over
 * HTTP the way a browser does. Target: every page ≤ 200 ms. The chart images are timed apart
 * (a picture rendered per request, not the page).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices } from '../src/app.ts';
import { loadSettings } from '../src/config.ts';
import { createLinkIssuer, startWebServer } from '../src/web/index.ts';
import { benchRows } from './bench-activities.ts';
import { quantile } from './bench-quantile.ts';

/** The pages timed, by name: the addresses a clerk opens (`middle` is an entry's number halfway through). */
const pages = (middle: number): Record<string, string> => ({
  log: '/log',
  log_half_year: `/log?period=${encodeURIComponent('2023年上半年')}&kind=inspection`,
  log_last_page: `/log?page=${Math.ceil(middle / 25)}`,
  log_title_words: `/log?q=${encodeURIComponent('第4242')}`,
  log_person: `/log?by=${encodeURIComponent('员工7')}&page=50`,
  log_edit_form: `/log/${middle}/edit`,
  stats_year: `/stats?period=${encodeURIComponent('2023年')}`,
  stats_all_time: '/stats',
  audit: '/audit',
  audit_person: `/audit?by=${encodeURIComponent('员工7')}&page=20`,
  audit_entry: `/audit?entry=${middle}`,
});

const CHARTS: Record<string, string> = {
  chart_by_kind: `/stats/chart.svg?period=${encodeURIComponent('2023年')}&by=kind`,
  chart_by_month: `/stats/chart.svg?period=${encodeURIComponent('2023年')}&by=month`,
  chart_png_by_kind: `/stats/chart.png?period=${encodeURIComponent('2023年')}&by=kind`,
};

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Fill a log, serve it, and time each page (p50 and p95 of `runs` fetches after one warm-up). */
export async function benchWeb(options: { entries?: number; runs?: number; log?: (line: string) => void } = {}): Promise<Record<string, number>> {
  const entries = options.entries ?? 100_000;
  const runs = options.runs ?? 15;
  const say = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'lvzhi-bench-web-'));
  const settings = loadSettings({ LVZHI_DATA_DIR: dataDir, LVZHI_WEB_PORT: '0', LVZHI_ADMINS: 'telegram:1' });
  const services = await openServices({ dataDir, settings });
  try {
    say(`web: storing ${entries} entries`);
    await services.activities.addMany(benchRows(entries, services.taxonomy.kinds.map((k) => k.id)), { by: 'telegram:1', channel: 'import' });
    const server = await startWebServer({ services, port: 0, host: '127.0.0.1' });
    try {
      const link = await createLinkIssuer({ settings: { LVZHI_WEB_HOST: '127.0.0.1', LVZHI_WEB_PORT: server.port }, store: services.conversations, access: services.access })
        .issue({ personId: 'telegram:1' });
      const signIn = await fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams({ token: new URL(link.url).searchParams.get('token')! }), redirect: 'manual' });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
      const figures: Record<string, number> = { web_entries: entries };
      const PAGES = pages(Math.floor(entries / 2));
      for (const [name, path] of Object.entries({ ...PAGES, ...CHARTS })) {
        const times: number[] = [];
        for (let i = 0; i <= runs; i++) {
          const start = performance.now();
          const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
          if (i > 0) times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        figures[`${name}_ms_p50`] = round(quantile(times, 0.5));
        figures[`${name}_ms_p95`] = round(quantile(times, 0.95));
        say(`web: ${name} p50 ${figures[`${name}_ms_p50`]} ms`);
      }
      figures.web_slowest_page_ms_p95 = Math.max(...Object.keys(PAGES).map((name) => figures[`${name}_ms_p95`]));
      return figures;
    } finally {
      await server.close();
    }
  } finally {
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
