import { describe, expect, it } from 'vitest';
import { sentimentTask } from '../tasks/demos/index.ts';
import { demoRunConfig } from '../run/demoRunConfig.ts';
import { buildRun } from '../run/buildRun.ts';
import { inlineRows } from '../run/runDataset.ts';
import { previewReflection } from './reflectionPreview.ts';

describe('the reflection prompt preview', () => {
  it('runs the seed on the first training examples; each step’s records as the run’s adapter makes them', async () => {
    const config = demoRunConfig(sentimentTask);
    const preview = await previewReflection({ config, secrets: {}, examples: 3 });
    const built = buildRun(config, { rows: inlineRows(sentimentTask.rows) });
    built.dispose();
    expect(preview.examples.map((e) => e.id)).toEqual(built.train.slice(0, 3).map((e) => e.id));
    const step = config.program.steps[0]!.name;
    const records = preview.records[step]!;
    expect(records).toHaveLength(3);
    expect(Object.keys(records[0]!)).toEqual(expect.arrayContaining(['Inputs', 'Generated Outputs', 'Feedback']));
    expect(String(records[0]!.Feedback)).toMatch(/^Score \d\.\d\d\. /);
  });
});
