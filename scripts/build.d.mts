/** The package root (see build.mjs). */
export const ROOT: string;
/** True when dist/ is missing or older than any input. */
export function isStale(): boolean;
/** Build dist/ (under a lock); `onlyIfStale` skips it when another process just built it. */
export function build(options?: { onlyIfStale?: boolean }): void;
