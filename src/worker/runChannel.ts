// The BroadcastChannel 'gepa-runs': the tab that drives a run posts what it stores (events as they are
// appended, record changes), so other tabs show the run live and keep their history current. A channel
// object never hears its own posts; without BroadcastChannel, nothing is posted or heard.
import type { RunBroadcast } from './protocol.ts';

export const RUNS_CHANNEL = 'gepa-runs';

export interface RunsChannel {
  post(message: RunBroadcast): void;
  /** returns the unsubscribe function */
  listen(listener: (message: RunBroadcast) => void): () => void;
  close(): void;
}

export function openRunsChannel(): RunsChannel {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(RUNS_CHANNEL) : null;
  return {
    post: (message) => channel?.postMessage(message),
    listen: (listener) => {
      if (!channel) return () => {};
      const onMessage = (e: MessageEvent<RunBroadcast>) => listener(e.data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel?.close(),
  };
}
