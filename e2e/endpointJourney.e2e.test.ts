// The same journey against the local OpenAI-compatible test server, through the real `openai` client
// in the run's Web Worker (page.route cannot see worker requests, so the studio is pointed at the
// server). The server demands the typed API key, so a run that completes proves the key was sent; the
// exported file must not contain it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLmServer, type LmServer } from './lmServer/server.ts';
import { useStudioSuite } from './harness/session.ts';
import { checkJourneyExport, runJourney } from './harness/journey.ts';

// a request takes LATENCY_MS, and an iteration (at most ~24 metric calls) makes at least two rounds of
// requests: spending this takes over 20 minutes, far longer than the test may take, so the run is live at Stop
const BUDGET = 100_000;
// the demo model's pace: slow enough to watch, like a real endpoint. Much faster (25 ms, ~300 calls a
// second) floods the page with events, and on a busy machine a click then waits over 30 s to be handled
const LATENCY_MS = 150;
const API_KEY = 'sk-e2e-7f3a9c1d5b2e8f40';
const suite = useStudioSuite('endpoint-journey');
let server: LmServer;

beforeAll(async () => {
  server = await startLmServer({ port: 0, host: '127.0.0.1', latencyMs: LATENCY_MS, apiKey: API_KEY });
});
afterAll(() => server.close());

describe('the studio against an OpenAI-compatible endpoint', () => {
  it('runs the journey over HTTP with the typed key and keeps the key out of the export', async () => {
    const { page } = suite.session;
    const outcome = await runJourney(page, {
      group: 'endpoint-journey',
      budget: BUDGET,
      model: { provider: 'custom', baseUrl: server.url, model: 'demo', apiKey: API_KEY },
    });
    checkJourneyExport(outcome, BUDGET);

    const stats = server.stats();
    expect(stats.completions, 'the run’s LM calls reached the server').toBeGreaterThan(20);
    expect(stats.byStatus['401'] ?? 0, 'every request carried the typed key').toBe(0);
    expect(outcome.exported.config.taskLm).toMatchObject({ provider: 'custom', baseUrl: server.url, model: 'demo' });
    expect(outcome.download.text).not.toContain(API_KEY);
    // not remembered on this device unless the user opts in
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(API_KEY);
  });
});
