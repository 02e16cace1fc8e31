// Awaits every promise of a round, then fails with the first failure in the given order. Promise.all
// would fail at the first rejection while the others still run: their metric calls and cache entries
// would land after the round was rolled back, and which failure wins would depend on timing.
export async function settleAll<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
