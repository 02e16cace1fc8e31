import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  server: {
    port: 5173,
    // transform the page's and the engine worker's module graphs at start-up, not on the first request
    warmup: { clientFiles: ['./src/ui/main.tsx', './src/worker/engine.worker.ts'] },
  },
  // Every runtime dependency, pre-bundled at start-up: one found later (e.g. imported only by the worker)
  // makes the dev server re-optimise and reload the page in the middle of whatever it was doing.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom/client',
      'zustand',
      'd3',
      'idb',
      'papaparse',
      'openai',
      'comlink',
      'diff',
      '@tanstack/react-table',
      '@tanstack/react-virtual',
    ],
  },
});
