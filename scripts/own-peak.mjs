/**
 * The peak RSS of this process alone, in MB. A child's `process.resourceUsage().maxRSS` is not
 * that on Linux: the kernel keeps the high-water mark across fork and exec, so a probe spawned
 * by the bench (400-500 MB at that moment) reported the bench's RSS as its own peak. VmHWM
 * counts only the memory of the program now running; maxRSS remains the fallback elsewhere.
 */
import { readFileSync } from 'node:fs';

/** This process's own peak RSS in MB (VmHWM on Linux). */
export function ownPeakRssMb() {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Math.round(Number(kb) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
