// Enforces DESIGN.md's folder table: which src/ folders a file may import from, and where each
// library may be used. One rule, driven by data, so the table here and the design card stay in step.
import path from 'node:path';

const FOLDER_RULES = {
  engine: { folders: ['engine'], packages: [] },
  lm: { folders: ['lm', 'engine'], packages: ['openai'] },
  tasks: { folders: ['tasks', 'engine', 'lm'], packages: ['papaparse'] },
  run: { folders: ['run', 'engine', 'lm', 'tasks'], packages: ['papaparse'] },
  storage: { folders: ['storage', 'engine'], packages: ['idb'] },
  worker: { folders: ['worker', 'engine', 'lm', 'tasks', 'run', 'storage'], packages: ['comlink'] },
  // store → tasks: the setup slice parses datasets and loads demo tasks in its actions (outside components)
  store: { folders: ['store', 'worker', 'engine', 'tasks', 'run'], packages: ['zustand', 'comlink'] },
  // ui → lm/presets.ts only: the model form lists the provider presets, plain data with type-only imports
  ui: {
    folders: ['ui', 'store', 'worker', 'engine', 'tasks', 'run'],
    files: ['lm/presets.ts'],
    packages: ['react', 'react-dom', 'd3', '@tanstack/react-table', '@tanstack/react-virtual', 'diff', 'zustand'],
  },
  cli: { folders: ['cli', 'engine', 'lm', 'tasks', 'run'], packages: ['node:*'] },
};

// Libraries with one home each: anywhere else they are an error.
const LIBRARY_HOMES = [
  'openai',
  'idb',
  'comlink',
  'zustand',
  'd3',
  '@tanstack/react-table',
  '@tanstack/react-virtual',
  'papaparse',
];

// Test files may use the test runner and its helpers whatever folder they sit in (and Node, outside the engine).
const TEST_PACKAGES = ['vitest', 'fake-indexeddb'];

function packageName(spec) {
  if (spec.startsWith('node:')) return 'node:*';
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function folderOf(file, srcRoot) {
  const rel = path.relative(srcRoot, file);
  if (rel.startsWith('..')) return null;
  return rel.split(path.sep)[0];
}

export default {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      folder: "src/{{from}} may not import from src/{{to}} (see DESIGN.md's layout table)",
      pkg: "src/{{from}} may not import '{{pkg}}' (see DESIGN.md's library homes)",
    },
  },
  create(context) {
    const file = context.filename;
    const srcRoot = path.resolve(context.cwd, 'src');
    const from = folderOf(file, srcRoot);
    const rules = from ? FOLDER_RULES[from] : null;
    if (!rules) return {};
    const isTest = /\.test\.tsx?$/.test(file);
    // type-only imports of another folder's types cross no runtime boundary, but the engine stays closed even to those
    const check = (node, spec, typeOnly) => {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        const to = folderOf(target, srcRoot);
        const allowedFile = rules.files?.includes(path.relative(srcRoot, target).split(path.sep).join('/'));
        if (to && !rules.folders.includes(to) && !allowedFile && !(typeOnly && from !== 'engine'))
          context.report({ node, messageId: 'folder', data: { from, to } });
        return;
      }
      const pkg = packageName(spec);
      if (isTest && (TEST_PACKAGES.includes(pkg) || (pkg === 'node:*' && from !== 'engine'))) return;
      const homed = LIBRARY_HOMES.includes(pkg) || pkg === 'node:*';
      const allowed = rules.packages.includes(pkg);
      if ((from === 'engine' && !typeOnly) || (homed && !allowed))
        context.report({ node, messageId: 'pkg', data: { from, pkg } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};
