// The studio as users get it, for the UI benchmark: `vite build` of the bench page (the app's own entry
// plus bench handles, see benchPage.tsx) with the repository's Vite config into a temporary directory,
// served by `vite preview` on a free port of 127.0.0.1. React's production build, minified bundles.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';
import { REPO_ROOT, freePort } from '../../e2e/harness/studio.ts';
import type { Studio } from '../../e2e/harness/studio.ts';

export async function startProductionStudio(): Promise<Studio> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'gepa-ui-bench-'));
  const config = { root: REPO_ROOT, configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'error' as const };
  try {
    await build({
      ...config,
      build: {
        outDir,
        emptyOutDir: true,
        rolldownOptions: { input: path.join(REPO_ROOT, 'bench/ui/index.html') },
      },
    });
    const port = await freePort();
    const server = await preview({
      ...config,
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    return {
      url: `http://127.0.0.1:${port}/bench/ui/index.html`,
      close: async () => {
        await server.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(outDir, { recursive: true, force: true });
    throw e;
  }
}
