// At most one tab drives a run: the worker that runs it holds the Web Lock 'gepa-run:<id>' for the run's
// whole life, and the browser releases it when that tab closes or reloads (its worker dies with it).
// Other tabs ask the lock manager whether a run is driven, and wait for the release to learn that a
// run they follow was interrupted. Without Web Locks (very old browsers) every run counts as undriven.

export const runLockName = (runId: string): string => `gepa-run:${runId}`;

const RUN_LOCK_PREFIX = runLockName('');

/** Another tab (or this one) drives the run already. */
export class RunLockedError extends Error {
  constructor(runId: string) {
    super(
      `Run ${runId.slice(0, 8)} is being driven in another tab: continue it there, ` +
        'or close that tab first (this tab can only watch it).',
    );
    this.name = 'RunLockedError';
  }
}

const lockManager = (): LockManager | undefined => globalThis.navigator?.locks;

/** Runs `fn` holding the run's lock; rejects with RunLockedError at once when another tab holds it. */
export async function withRunLock<T>(runId: string, fn: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  if (!locks) return fn();
  return locks.request(runLockName(runId), { ifAvailable: true }, async (lock) => {
    if (!lock) throw new RunLockedError(runId);
    return fn();
  });
}

/** The ids of the runs some tab of this origin drives now. */
export async function drivenRunIds(): Promise<Set<string>> {
  const locks = lockManager();
  if (!locks) return new Set();
  const { held = [] } = await locks.query();
  // only a driver holds the lock exclusively; a shared hold is a tab waiting for the driver to let go
  return new Set(
    held.flatMap((l) =>
      l.mode === 'exclusive' && l.name?.startsWith(RUN_LOCK_PREFIX) ? [l.name.slice(RUN_LOCK_PREFIX.length)] : [],
    ),
  );
}

/**
 * Resolves once no tab drives the run (at once if none does). A shared request waits behind the
 * driver's exclusive lock and is let go as soon as it is granted, so it never keeps anyone from driving.
 * Aborting the signal stops waiting (the promise then never settles).
 */
export function whenRunReleased(runId: string, signal: AbortSignal): Promise<void> {
  const locks = lockManager();
  if (!locks) return new Promise(() => {});
  return new Promise((resolve) => {
    locks.request(runLockName(runId), { mode: 'shared', signal }, async () => resolve()).catch(() => undefined);
  });
}
