// Journey 2 with the offline demo model, in real Chromium: paste a seed prompt, upload the demo task's
// JSONL through the file input, map fields, start, watch the lineage tree and chart grow, open a
// rejected proposal's diff, stop, export JSON and check the file.
import { describe, it } from 'vitest';
import { useStudioSuite } from './harness/session.ts';
import { checkJourneyExport, runJourney } from './harness/journey.ts';

// the offline model waits 150 ms a call, and an iteration (at most ~24 metric calls here) makes at least two
// rounds of calls: spending this takes over 20 minutes, so the run is live whenever the journey stops it
const BUDGET = 100_000;
const suite = useStudioSuite('demo-journey');

describe('the studio with the offline demo model', () => {
  it('runs a user-configured task live, shows a rejected diff, stops and exports GEPAResult-shaped JSON', async () => {
    const outcome = await runJourney(suite.session.page, { group: 'demo-journey', budget: BUDGET });
    checkJourneyExport(outcome, BUDGET);
  });
});
