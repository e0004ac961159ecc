/**
 * Run before every test file (`setupFiles`, vitest.config.ts): after the file's own `afterAll`
 * hooks (so its stores are closed first), the temporary folders it made are removed and the
 * small file systems it mounted unmounted. This cannot be an `afterAll` in those helpers' own
 * modules: test files share a worker's modules (`isolate: false`), so a module's top-level hook
 * is registered for the first file that imports it only, and every later file's folders stayed.
 */
import { afterAll } from 'vitest';
import { unmountSmallFilesystems } from './small-filesystem.ts';
import { removeTempFolders } from './temp-folders.ts';

afterAll(() => {
  unmountSmallFilesystems();
  removeTempFolders();
});
