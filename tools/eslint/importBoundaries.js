// Enforces the import rules of ARCHITECTURE.md: which src/ folders a file may import from, for code and
// for types (an `import type` crosses no runtime boundary, but it still couples the folders, so the table
// says where types may come from too), and where each library may be used. One rule, driven by the
// data below; ARCHITECTURE.md's table is generated from it (tools/importRulesTable.js) and a test
// checks the two agree.
import path from 'node:path';

/**
 * Per folder: `imports`, the folders (or single files, ending in .ts) whose code it may use; `types`,
 * those it may import types from only; `names`, single files it may take just these exports from;
 * `packages`, the libraries with one home (below) it may use. `why` says what each exception is for.
 * A folder's own files are always allowed; the engine takes nothing from any other folder, not even types.
 */
export const FOLDER_RULES = {
  engine: { imports: ['engine'], packages: [] },
  lm: { imports: ['engine'], packages: ['openai'] },
  tasks: { imports: ['engine', 'lm'], packages: ['papaparse'] },
  run: { imports: ['engine', 'lm', 'tasks'], packages: ['papaparse'] },
  report: {
    imports: ['run'],
    types: ['engine'],
    packages: ['diff'],
    why: 'the report is built from an exported run (the run folder’s fold and export format)',
  },
  storage: {
    imports: ['engine'],
    types: ['run', 'lm/evaluationCache.ts'],
    packages: ['idb'],
    why: 'the stored records hold run events and configs; the IndexedDB cache implements the LM cache store',
  },
  worker: {
    imports: ['engine', 'lm', 'tasks', 'run', 'storage', 'tracking', 'report'],
    packages: ['comlink'],
    why: "the run's experiment trackers, with the report's lineage page as their candidate-tree artifact",
  },
  store: {
    imports: ['run', 'report', 'tasks', 'worker/engineClient.ts', 'worker/runLibrary.ts', 'worker/runLocks.ts'],
    types: ['engine', 'storage/types.ts', 'worker/protocol.ts'],
    names: { 'engine/index.ts': ['errorMessage'] },
    packages: ['zustand'],
    why: 'actions parse datasets, load demo tasks and build exports outside components; the worker client only',
  },
  ui: {
    imports: ['store', 'lm/presets.ts', 'tasks/template.ts', 'tasks/datasets/example.ts', 'tasks/demos/index.ts'],
    types: ['run', 'engine', 'tasks', 'storage/types.ts', 'worker/protocol.ts'],
    names: {
      'engine/index.ts': [
        'AUTO_RUN_SETTINGS',
        'autoBudget',
        'reflectiveIterationCost',
        'reflectiveRoundCost',
        'resolveMetricCallBudget',
        'tasksPerRound',
        'maxSelected',
        'errorMessage',
      ],
    },
    packages: ['react', 'react-dom', 'd3', '@tanstack/react-table', '@tanstack/react-virtual', 'diff'],
    why:
      'plain data and pure helpers: provider presets, demo tasks, the message template (the preview renders ' +
      "what the adapter sends), an example's layout, and the engine's budget arithmetic (the budget panel " +
      'explains with the numbers the run enforces, proposals per round included)',
  },
  tracking: { imports: ['engine', 'run'], packages: [] },
  cli: { imports: ['engine', 'lm', 'tasks', 'run', 'tracking', 'report'], packages: ['node:*', '@wandb/sdk'] },
};

// Libraries with one home each: anywhere else they are an error.
export const LIBRARY_HOMES = [
  'openai',
  'idb',
  'comlink',
  'zustand',
  'd3',
  '@tanstack/react-table',
  '@tanstack/react-virtual',
  'papaparse',
  '@wandb/sdk',
];

// Test files may use the test runner and its helpers whatever folder they sit in (and Node, outside the engine).
const TEST_PACKAGES = ['vitest', 'fake-indexeddb'];

function packageName(spec) {
  if (spec.startsWith('node:')) return 'node:*';
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The path below src/ ('ui/setup/x.ts'), or null outside src/. */
function srcPath(file, srcRoot) {
  const rel = path.relative(srcRoot, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep).join('/');
}

/** An entry is a folder ('run') or a file ('lm/presets.ts'). */
const covers = (entries, target) =>
  (entries ?? []).some((e) => (e.endsWith('.ts') ? target === e : target.split('/')[0] === e));

/** What `from` may take from `target`: 'code', 'types' (import type only), a list of names, or nothing. */
function allowance(from, target) {
  const rules = FOLDER_RULES[from];
  if (target.split('/')[0] === from || covers(rules.imports, target)) return 'code';
  const names = rules.names?.[target];
  if (names) return names;
  return covers(rules.types, target) ? 'types' : null;
}

/** Whether an import or re-export brings in types only (`import type`, or every specifier marked `type`). */
function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

/** The names a value import or re-export takes ('*' for a namespace, a default or a side-effect import). */
function valueNames(node) {
  if (node.type === 'ImportExpression' || node.type === 'ExportAllDeclaration') return ['*'];
  const specifiers = (node.specifiers ?? []).filter((s) => s.importKind !== 'type' && s.exportKind !== 'type');
  if (specifiers.length === 0) return ['*'];
  return specifiers.map((s) => {
    if (s.type !== 'ImportSpecifier' && s.type !== 'ExportSpecifier') return '*';
    const name = s.type === 'ImportSpecifier' ? s.imported : s.local;
    return name.type === 'Identifier' ? name.name : String(name.value);
  });
}

export default {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      folder: "src/{{from}} may not import from src/{{to}} (see ARCHITECTURE.md's import rules)",
      types:
        "src/{{from}} may import only types from src/{{to}}: use `import type` (see ARCHITECTURE.md's import rules)",
      names: "src/{{from}} may take only {{names}} from src/{{to}} (see ARCHITECTURE.md's import rules)",
      pkg: "src/{{from}} may not import '{{pkg}}' (see ARCHITECTURE.md's library homes)",
    },
  },
  create(context) {
    const file = context.filename;
    const srcRoot = path.resolve(context.cwd, 'src');
    const fromPath = srcPath(file, srcRoot);
    const from = fromPath?.split('/')[0];
    const rules = from ? FOLDER_RULES[from] : null;
    if (!rules) return {};
    const isTest = /\.test\.tsx?$/.test(file);
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const typeOnly = node.type !== 'ImportExpression' && isTypeOnly(node);
      if (spec.startsWith('.')) {
        const to = srcPath(path.resolve(path.dirname(file), spec), srcRoot);
        if (!to) return;
        const allowed = allowance(from, to);
        if (allowed === 'code' || (typeOnly && allowed !== null)) return;
        if (Array.isArray(allowed)) {
          if (valueNames(node).every((n) => allowed.includes(n))) return;
          context.report({ node, messageId: 'names', data: { from, to, names: allowed.join(', ') } });
        } else if (allowed === 'types') {
          context.report({ node, messageId: 'types', data: { from, to } });
        } else {
          context.report({ node, messageId: 'folder', data: { from, to } });
        }
        return;
      }
      const pkg = packageName(spec);
      if (isTest && (TEST_PACKAGES.includes(pkg) || (pkg === 'node:*' && from !== 'engine'))) return;
      const homed = LIBRARY_HOMES.includes(pkg) || pkg === 'node:*';
      if ((from === 'engine' && !typeOnly) || (homed && !rules.packages.includes(pkg)))
        context.report({ node, messageId: 'pkg', data: { from, pkg } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
