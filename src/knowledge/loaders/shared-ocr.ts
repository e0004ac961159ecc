/**
 * One OCR recogniser for the whole process, shared by every scanned document it reads. Starting
 * one (the WebAssembly core and the Chinese and English language data) costs 1–2 CPU-seconds,
 * about as much as recognising a short page: a folder of scans, or scans uploaded one after
 * another, pay it once. It starts on first use, reads the pages of several documents in turn
 * (tesseract reads one image at a time), never keeps the process alive while it waits, and ends
 * after a minute without work or as soon as a stop abandons a page it is reading.
 */
import { startOcrEngine, type OcrEngine, type OcrResult } from './ocr-engine.ts';

/** How long an idle recogniser waits for the next scanned document before it ends. */
export const OCR_IDLE_MS = 60_000;

/** One document's use of the shared recogniser: `release` it when the document is done or stopped. */
export interface OcrLease {
  recognize(image: Uint8Array): Promise<OcrResult>;
  release(): void;
}

interface Shared {
  readonly engine: Promise<OcrEngine>;
  users: number;
  idle?: NodeJS.Timeout;
}

let shared: Shared | undefined;

function startShared(): Shared {
  const entry: Shared = { engine: startOcrEngine(), users: 0 };
  // A failed start is not kept: the next document tries again.
  entry.engine.catch(() => {
    if (shared === entry) shared = undefined;
  });
  return entry;
}

function end(entry: Shared): void {
  clearTimeout(entry.idle);
  if (shared === entry) shared = undefined;
  void entry.engine.then((engine) => engine.close(), () => undefined);
}

/**
 * The shared recogniser, started when there is none. A lease released while one of its pages is
 * still being read (a stop, a time limit) ends the recogniser when no other document uses it, so
 * its thread does not spend seconds on a page nobody wants; the next document starts a new one.
 */
export async function acquireOcr(): Promise<OcrLease> {
  const entry = (shared ??= startShared());
  entry.users += 1;
  clearTimeout(entry.idle);
  let engine: OcrEngine;
  try {
    engine = await entry.engine;
  } catch (error) {
    entry.users -= 1;
    throw error;
  }
  engine.keepAlive(true);
  let reading = 0;
  let released = false;
  return {
    async recognize(image) {
      reading += 1;
      try {
        return await engine.recognize(image);
      } finally {
        reading -= 1;
      }
    },
    release() {
      if (released) return;
      released = true;
      entry.users -= 1;
      if (entry.users > 0 || shared !== entry) return;
      if (reading > 0) return end(entry);
      engine.keepAlive(false);
      entry.idle = setTimeout(() => end(entry), OCR_IDLE_MS).unref();
    },
  };
}
