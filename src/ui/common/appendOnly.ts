// Memoises a per-item mapping of a list that only grows at its end (the run's proposals, candidates):
// each call maps only the items added since the last call instead of the whole history. A list that
// is not an extension of the last one (shorter, or a different item where the last one ended) is mapped
// afresh. The output is a new array whenever the input is, so it can feed React memos.
export function appendOnly<T, U>(map: (items: readonly T[]) => U[]): (items: readonly T[]) => U[] {
  let lastIn: readonly T[] = [];
  let lastOut: U[] = map([]);
  return (items) => {
    if (items === lastIn) return lastOut;
    const n = lastIn.length;
    const grows = items.length >= n && (n === 0 || items[n - 1] === lastIn[n - 1]);
    lastOut = grows ? lastOut.concat(map(items.slice(n))) : map(items);
    lastIn = items;
    return lastOut;
  };
}
