/**
 * The bench's child probes (resting memory, the FTS5 peer) report their own peak, not the
 * bench's: on Linux a spawned child's maxRSS starts from its parent's RSS at the fork.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const helper = join(import.meta.dirname, '..', '..', 'scripts', 'own-peak.mjs');

describe('own peak RSS of a probe spawned by the bench', () => {
  it.runIf(process.platform === 'linux')('leaves out the memory its parent held when it was spawned', () => {
    const held = Buffer.alloc(200 * 1024 * 1024, 1); // the parent at its largest, as the bench is when it spawns a probe
    const script = `import(${JSON.stringify(helper)}).then(({ ownPeakRssMb }) => console.log(ownPeakRssMb()))`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(held.length).toBeGreaterThan(0);
    // process.resourceUsage().maxRSS here says 240 MB or more (Node 20, Linux 6): the parent's 200 MB carried over.
    expect(Number(run.stdout)).toBeGreaterThan(20);
    expect(Number(run.stdout)).toBeLessThan(120); // a bare Node process is about 40-50 MB
  });
});
