#!/usr/bin/env node
// The `gepa-studio` command from a checkout: runs the TypeScript CLI (src/cli/main.ts) in this process
// through tsx's loader, so signals (Ctrl-C) and the exit code are the CLI's own.
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/cli/main.ts', import.meta.url);
