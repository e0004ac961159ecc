/**
 * Bad input, measured: `npm run --silent bench -- --sections bad-input --json` (a few minutes)
 * builds each hostile or oversized file of issue 12 in a temporary folder and runs the real
 * command line on it in a child process, reporting wall time, the child's peak RSS and the
 * Chinese reason (or the result). Targets: peak RSS ≤ 1 GB, and a refusal well within 15 s.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { variedParagraphs, writeDocxOfParagraphs, writeDocxOfText, writeXlsxBomb, writeXlsxOfRows } from './bad-files.ts';

/** One measured run. */
export interface BadInputRun {
  readonly case: string;
  readonly exit: number | null;
  readonly seconds: number;
  /** CPU seconds of the child (user + system): wall time on a shared machine varies with load. */
  readonly cpu_s: number;
  readonly peak_rss_mb: number;
  /** The Chinese reason, or a summary of what was done. */
  readonly outcome: string;
}

const REPO = resolve(import.meta.dirname, '..');
// Reports the child's own peak RSS (KB) on stderr as it exits: VmHWM on Linux, because maxRSS
// carries the bench's RSS over from the fork (scripts/own-peak.mjs).
const REPORT_RSS = "data:text/javascript,import{readFileSync}from'node:fs';process.on('exit',()=>{const u=process.resourceUsage();" +
  "let k=u.maxRSS;try{k=Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status','utf8'))[1])}catch{}" +
  "process.stderr.write('maxrss_kb='+k+' cpu_us='+(u.userCPUTime+u.systemCPUTime)+'\\n')})";

function runCli(args: readonly string[], input = ''): Promise<{ exit: number | null; stdout: string; stderr: string; seconds: number }> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', REPORT_RSS, 'src/cli.ts', ...args], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('exit', (exit) => done({ exit, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
    child.stdin.end(input);
  });
}

function outcomeOf(stdout: string): string {
  try {
    const json = JSON.parse(stdout.trim().split('\n').pop() ?? '') as Record<string, unknown>;
    const error = json.error as { message?: string } | undefined;
    if (error?.message) return error.message;
    const skipped = json.skipped as Array<{ reason: string }> | undefined;
    if (skipped?.length) return skipped.map((s) => s.reason).join(' | ');
    if (typeof json.note === 'string') return `answered; ${json.note}`;
    return JSON.stringify(json).slice(0, 160);
  } catch {
    return stdout.slice(0, 160);
  }
}

async function measure(name: string, args: readonly string[], input?: string): Promise<BadInputRun> {
  const run = await runCli(args, input);
  const [, rss, cpu] = /maxrss_kb=(\d+) cpu_us=(\d+)/.exec(run.stderr) ?? ['', '0', '0'];
  return {
    case: name, exit: run.exit, seconds: Math.round(run.seconds * 10) / 10, cpu_s: Math.round(Number(cpu) / 1e5) / 10,
    peak_rss_mb: Math.round(Number(rss) / 1024), outcome: outcomeOf(run.stdout),
  };
}

/** Build the files and run each case; `log` hears progress. */
export async function benchBadInput(options: { log?: (line: string) => void } = {}): Promise<{ runs: BadInputRun[]; worst_rss_mb: number }> {
  const say = options.log ?? (() => undefined);
  const root = mkdtempSync(join(tmpdir(), 'lvzhi-bench-bad-'));
  try {
    const files = join(root, 'files');
    mkdirSync(files);
    const data = join(root, 'data');
    say('bad input: building files');
    await writeDocxOfParagraphs(join(files, 'bomb.docx'), 3_000_000);
    await writeDocxOfParagraphs(join(files, 'lying-bomb.docx'), 3_000_000, { declaredSize: 20_000 });
    writeDocxOfText(join(files, 'largest-accepted.docx'), variedParagraphs(15_500));
    await writeXlsxBomb(join(files, 'rows-1.5m.xlsx'), 1_500_000, { honest: true });
    await writeXlsxOfRows(join(files, 'rows-200001.xlsx'), 200_001);
    const line = '第一条 常务委员会组成人员应当按时出席会议，因故不能出席的，应当向常务委员会办公厅请假。\n\n';
    writeFileSync(join(files, 'text-49mb.txt'), line.repeat(Math.floor((49 * 1024 * 1024) / Buffer.byteLength(line))));
    writeFileSync(join(files, 'text-9.5mb.txt'), variedParagraphs(13_500).join('\n\n'));
    writeFileSync(join(files, 'small.md'), `# 规则\n\n${line}`);
    const csv = ['date,kind,title,by'];
    for (let i = 0; i < 200_000; i++) csv.push(`${new Date(Date.UTC(2020, 0, 1) + (i % 1500) * 86_400_000).toISOString().slice(0, 10)},inspection,第${i}项视察,员工${i % 20}`);
    writeFileSync(join(files, 'rows-200000.csv'), csv.join('\n'));

    const runs: BadInputRun[] = [];
    const cases: Array<[string, string[], string?]> = [
      ['baseline: start-up and ingest of a one-paragraph file', ['ingest', join(files, 'small.md')]],
      ['ingest a 1 MB .docx zip bomb (291 MB of XML)', ['ingest', join(files, 'bomb.docx')]],
      ['ingest the same bomb lying about its size', ['ingest', join(files, 'lying-bomb.docx')]],
      ['ingest a large .docx just under the limit (11.5 MB of XML)', ['ingest', join(files, 'largest-accepted.docx')]],
      ['ingest a 49 MB text file', ['ingest', join(files, 'text-49mb.txt')]],
      ['ingest a text just under the limit (9.5 MB)', ['ingest', join(files, 'text-9.5mb.txt')]],
      ['import an .xlsx of 1.5 million rows', ['import', join(files, 'rows-1.5m.xlsx')]],
      ['import an .xlsx of 200,001 rows', ['import', join(files, 'rows-200001.xlsx')]],
      ['import a .csv of 200,000 rows (the largest accepted)', ['import', join(files, 'rows-200000.csv')]],
      ['ask a 600 KB question (ask --batch)', ['ask', '--batch'], JSON.stringify({ question: '常委会会议多久召开一次？'.repeat(55_000) }) + '\n'],
    ];
    for (const [name, args, input] of cases) {
      say(`bad input: ${name}`);
      runs.push(await measure(name, [...args, '--data', data, '--json'], input));
    }
    return { runs, worst_rss_mb: Math.max(...runs.map((r) => r.peak_rss_mb)) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
