// The import-boundary rule on small sources, through ESLint's RuleTester (run by vitest).
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import rule from './importBoundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.afterAll = afterAll;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, sourceType: 'module' } });
const at = (file: string) => path.join(process.cwd(), 'src', file);

tester.run('import-boundaries', rule, {
  valid: [
    { filename: at('run/runDriver.ts'), code: "import { optimize } from '../engine/index.ts';" },
    { filename: at('ui/run/RunView.tsx'), code: "import type { RunEvent } from '../../run/runEvent.ts';" },
    { filename: at('ui/run/RunView.tsx'), code: "import { useRunStore } from '../../store/runStore.ts';" },
    // a named exception: the budget panel uses the engine's own arithmetic
    {
      filename: at('ui/setup/budget.ts'),
      code: "import { autoBudget, type AutoBudget } from '../../engine/index.ts';",
    },
    { filename: at('ui/setup/preview.ts'), code: "import { renderTemplate } from '../../tasks/template.ts';" },
    { filename: at('storage/types.ts'), code: "import type { RunConfig } from '../run/runConfig.ts';" },
    { filename: at('store/actions.ts'), code: "import { createEngineClient } from '../worker/engineClient.ts';" },
    { filename: at('store/actions.ts'), code: "import type { StartRequest } from '../worker/protocol.ts';" },
    { filename: at('cli/runCommand.ts'), code: "import { RunDriver } from '../run/runDriver.ts';" },
    { filename: at('tasks/adapter.test.ts'), code: "import { describe } from 'vitest';" },
  ],
  invalid: [
    // type-only imports are checked too
    {
      filename: at('storage/types.ts'),
      code: "import type { StartRequest } from '../worker/protocol.ts';",
      errors: [{ messageId: 'folder' }],
    },
    {
      filename: at('tasks/x.ts'),
      code: "import type { RunEvent } from '../run/runEvent.ts';",
      errors: [{ messageId: 'folder' }],
    },
    {
      filename: at('engine/x.ts'),
      code: "import type { Example } from '../tasks/types.ts';",
      errors: [{ messageId: 'folder' }],
    },
    {
      filename: at('ui/x.ts'),
      code: "import type { RunRepository } from '../storage/indexedDbRunRepository.ts';",
      errors: [{ messageId: 'folder' }],
    },
    // a folder the UI may read types from, but not run code from
    {
      filename: at('ui/x.ts'),
      code: "import { buildExport } from '../run/exportFormat.ts';",
      errors: [{ messageId: 'types' }],
    },
    {
      filename: at('ui/x.ts'),
      code: "import { optimize } from '../engine/index.ts';",
      errors: [{ messageId: 'names' }],
    },
    {
      filename: at('ui/x.ts'),
      code: "import * as engine from '../engine/index.ts';",
      errors: [{ messageId: 'names' }],
    },
    {
      filename: at('ui/x.ts'),
      code: "export { optimize } from '../engine/index.ts';",
      errors: [{ messageId: 'names' }],
    },
    {
      filename: at('store/x.ts'),
      code: "import { runSession } from '../worker/runSession.ts';",
      errors: [{ messageId: 'folder' }],
    },
    {
      filename: at('cli/x.ts'),
      code: "import type { WorkerApi } from '../worker/protocol.ts';",
      errors: [{ messageId: 'folder' }],
    },
    { filename: at('run/x.ts'), code: "const m = import('../storage/index.ts');", errors: [{ messageId: 'folder' }] },
    { filename: at('run/x.ts'), code: "import { openDB } from 'idb';", errors: [{ messageId: 'pkg' }] },
  ],
});
