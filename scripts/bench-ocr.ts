/**
 * OCR figures: pages of corpus laws are set as text, rasterised at 300 dpi and put back into an
 * image-only PDF (a clean scan); the PDF loader reads it through OCR. Reports the character
 * accuracy against the source text (1 − edit distance / length, white space ignored) and pages
 * per second of the whole read (render + recognise), with the page count and the worst page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDocument } from '../src/knowledge/loaders/index.ts';
import { characterAccuracy, corpusLawPages, writeScannedPdf } from '../test/fixtures/scans.ts';

/** Which corpus laws, and from which of their pages (skipping title pages), are scanned. */
const SAMPLES = [
  { file: 'npcsc-procedure-rules-2022.md', skip: 1, pages: 2 },
  { file: 'legislation-law-2023.md', skip: 5, pages: 2 },
  { file: 'supervision-law-2024.md', skip: 3, pages: 2 },
  { file: 'local-organic-law-2022.md', skip: 8, pages: 2 },
];

/** OCR figures for the benchmark. */
export interface OcrBenchFigures {
  readonly pages: number;
  readonly dpi: number;
  readonly character_accuracy: number;
  readonly worst_page_accuracy: number;
  readonly pages_per_second: number;
  readonly seconds: number;
  /** CPU time per page (all threads): steadier than wall time on a shared machine. */
  readonly cpu_seconds_per_page: number;
}

/** Scan, read and score; `log` gets progress lines. */
export async function benchOcr(options: { log?: (line: string) => void } = {}): Promise<OcrBenchFigures> {
  const log = options.log ?? (() => undefined);
  const folder = mkdtempSync(join(tmpdir(), 'lvzhi-bench-ocr-'));
  try {
    const source = SAMPLES.flatMap((s) => corpusLawPages(s.file, s.pages, 700, s.skip));
    const pdf = await writeScannedPdf(join(folder, 'scan.pdf'), source, 300);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const doc = await loadDocument(pdf, { onOcrProgress: (done, total) => log(`ocr page ${done}/${total}`) });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const accuracies = source.map((lines, i) => {
      const page = doc.sections.find((s) => s.page === i + 1);
      return characterAccuracy(page?.text ?? '', lines.join('\n'));
    });
    const round = (x: number, digits: number) => Number(x.toFixed(digits));
    return {
      pages: source.length,
      dpi: 300,
      character_accuracy: round(accuracies.reduce((a, b) => a + b, 0) / accuracies.length, 4),
      worst_page_accuracy: round(Math.min(...accuracies), 4),
      pages_per_second: round(source.length / seconds, 3),
      seconds: round(seconds, 1),
      cpu_seconds_per_page: round(cpuSeconds / source.length, 2),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
