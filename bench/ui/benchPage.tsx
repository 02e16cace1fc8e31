// The UI benchmark's page: the studio exactly as src/ui/main.tsx starts it, built for production with
// it, plus handles the in-page bench scripts need — the app's own store instances (one bundle, so the
// same modules the app renders from), a way to mount the lineage panel alone, and the synthetic run,
// made in the page rather than sent to it (tens of megabytes of events).
import { createRoot } from 'react-dom/client';
import '../../src/ui/main.tsx';
import { emptyRun, reduceEvents, useRunStore } from '../../src/store/runStore.ts';
import { useUiStore } from '../../src/store/uiStore.ts';
import { LineageView } from '../../src/ui/lineage/LineageView.tsx';
import { syntheticBatches, syntheticRunConfig } from './syntheticRun.ts';
import type { SyntheticRunSize } from './syntheticRun.ts';
import type { RunConfig } from '../../src/run/runConfig.ts';

export interface BenchHandles {
  run: typeof useRunStore;
  ui: typeof useUiStore;
  reduceEvents: typeof reduceEvents;
  emptyRun: typeof emptyRun;
  mountLineage(host: HTMLElement): void;
  synthetic(size: SyntheticRunSize): { batches: ReturnType<typeof syntheticBatches>; config: RunConfig };
}

const handles: BenchHandles = {
  run: useRunStore,
  ui: useUiStore,
  reduceEvents,
  emptyRun,
  mountLineage: (host) => createRoot(host).render(<LineageView />),
  synthetic: (size) => ({ batches: syntheticBatches(size), config: syntheticRunConfig(size) }),
};
(window as unknown as { __studio: BenchHandles }).__studio = handles;
