/**
 * Module hooks for `scripts/bench-compiled.mjs`: an import that resolves to a TypeScript file under
 * src/ loads its compiled twin under dist/ (src/knowledge/index.ts → dist/knowledge/index.js).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

const SRC = new URL('../src/', import.meta.url).href;
const DIST = new URL('../dist/', import.meta.url).href;

/** Resolve as usual, then swap a src/ TypeScript module for its dist/ JavaScript. */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (!resolved.url.startsWith(SRC) || !resolved.url.endsWith('.ts')) return resolved;
  const compiled = pathToFileURL(fileURLToPath(DIST + resolved.url.slice(SRC.length).replace(/\.ts$/, '.js'))).href;
  return { url: compiled, format: 'module', shortCircuit: true };
}
