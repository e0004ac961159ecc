/** Polling for something a stand-in records, for tests and benchmarks that drive real channels. */

/** Poll `probe` every 20 ms until it gives a truthy value, or fail naming `what`. */
export async function waitFor<T>(probe: () => T | undefined | false, what: string, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
