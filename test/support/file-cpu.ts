/**
 * Per-file CPU for measuring the suite (not a test): with LVZHI_TEST_CPU_LOG=<file> set, vitest
 * runs this before every test file (`setupFiles`, see vitest.config.ts) and appends one JSON line
 * per file: its path, wall seconds and the CPU seconds the worker spent on it — the worker's own,
 * its reaped children's (CLI processes, tesseract workers) and the growth of its living
 * descendants' (the browser a worker keeps between files). On a loaded, shared machine the
 * summed CPU is the steady figure; wall time is not. `node scripts/test-cpu.mjs <file>` sums it.
 */
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';

const TICKS_PER_SECOND = 100;

/** utime+stime (own) and cutime+cstime (reaped children) of one process, in ticks; undefined when gone. */
function ticks(pid: number | 'self'): { own: number; reaped: number; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name (which may hold spaces): state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [ppid, utime, stime, cutime, cstime] = [fields[1], fields[11], fields[12], fields[13], fields[14]].map(Number);
    return { own: utime! + stime!, reaped: cutime! + cstime!, ppid: ppid! };
  } catch {
    return undefined;
  }
}

/** CPU ticks of this process, its reaped children and every living descendant. */
function treeTicks(): number {
  const self = ticks('self');
  if (!self) return 0;
  return self.own + descendantTicks(self.reaped);
}

/** CPU ticks of this process's reaped children (`reaped`) and every living descendant. */
function descendantTicks(reaped: number): number {
  const children = new Map<number, number[]>();
  const stats = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const stat = ticks(pid);
    if (!stat) continue;
    stats.set(pid, stat.own + stat.reaped);
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  }
  let total = reaped;
  const queue = [...(children.get(process.pid) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += stats.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

const log = process.env.LVZHI_TEST_CPU_LOG;
if (log) {
  // Taken when vitest runs this set-up, before it imports the test file: importing counts.
  const start = { ticks: treeTicks(), own: ticks('self')?.own ?? 0, wall: performance.now() };
  afterAll(() => {
    const file = expect.getState().testPath ?? 'unknown';
    const cpu = (treeTicks() - start.ticks) / TICKS_PER_SECOND;
    const own = ((ticks('self')?.own ?? 0) - start.own) / TICKS_PER_SECOND;
    const wall = (performance.now() - start.wall) / 1000;
    appendFileSync(log, `${JSON.stringify({ file, pid: process.pid, cpu, own, wall: Math.round(wall * 100) / 100 })}\n`);
  });
  // LVZHI_TEST_CPU_TESTS=1: one line per test as well ("test": its name), to see inside a file.
  if (process.env.LVZHI_TEST_CPU_TESTS) {
    let before = 0;
    beforeEach(() => void (before = treeTicks()));
    afterEach(({ task }) => {
      const file = expect.getState().testPath ?? 'unknown';
      appendFileSync(log, `${JSON.stringify({ file, test: task.name, cpu: (treeTicks() - before) / TICKS_PER_SECOND })}\n`);
    });
  }
}
