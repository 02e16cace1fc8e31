// The setup's run mode: saved in the run config only when it is a search (old configs stay as they were),
// restored from a loaded config, and counted by the dataset summary as the run will split.
import { describe, expect, it } from 'vitest';
import { useSetupStore } from './setupStore.ts';
import { summarizeDataset } from './datasetSummary.ts';
import { validateRunConfig } from '../run/runConfig.ts';

describe('setup: inference-time search', () => {
  it('a search setup writes mode "search"; an optimize setup writes no mode', () => {
    const s = useSetupStore.getState();
    s.loadDemoTask('sentiment');
    expect('mode' in useSetupStore.getState().toRunConfig()).toBe(false);
    s.setMode('search');
    const config = validateRunConfig(useSetupStore.getState().toRunConfig());
    expect(config.mode).toBe('search');
    s.setMode('optimize');
    s.loadConfig(config);
    expect(useSetupStore.getState().mode).toBe('search');
    s.loadConfig({ ...config, mode: undefined });
    expect(useSetupStore.getState().mode).toBe('optimize');
  });

  it('the dataset summary counts every example as train and val in search mode', () => {
    useSetupStore.getState().loadDemoTask('sentiment');
    const { dataset } = useSetupStore.getState();
    const optimize = summarizeDataset(dataset, false);
    const search = summarizeDataset(dataset, false, 'search');
    expect(optimize.train + optimize.val).toBe(optimize.examples);
    expect(search).toMatchObject({ examples: optimize.examples, train: optimize.examples, val: optimize.examples });
  });
});
