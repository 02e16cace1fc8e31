// Journey 2 with the offline demo model, in real Chromium: paste a seed prompt, upload the demo task's
// JSONL through the file input, map fields, start, watch the lineage tree and chart grow, open a
// rejected proposal's diff, stop, export JSON and check the file.
import { describe, it } from 'vitest';
import { useStudioSuite } from './harness/session.ts';
import { checkJourneyExport, runJourney } from './harness/journey.ts';

const BUDGET = 6000;
const suite = useStudioSuite('demo-journey');

describe('the studio with the offline demo model', () => {
  it('runs a user-configured task live, shows a rejected proposal’s diff, stops and exports a GEPAResult-shaped JSON', async () => {
    const outcome = await runJourney(suite.session.page, { group: 'demo-journey', budget: BUDGET });
    checkJourneyExport(outcome, BUDGET);
  });
});
