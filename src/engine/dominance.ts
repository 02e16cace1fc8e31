// Dominance over Pareto fronts, as the reference does: in ascending score order (ties by index), a
// program is dominated when every front it is on still has another surviving member. One ascending
// pass equals the reference's restart-after-each-removal loop, because removals only make later
// removals harder.
//
// This runs over every (front, program) membership — 75,000 at 300 candidates on 500 examples, once
// per new candidate — so it uses an equivalent rule that needs no per-program list of fronts: when
// p's turn comes, the members of a front that come later in the order are still alive, so a front
// can only save p when p comes last on it, and then exactly when none of its other (earlier, already
// decided) members survived. Hence: p survives iff p is the last member of some front whose other
// members were all dominated. Each front is looked at once, when its last member's turn comes.

/** The programs on each front. */
type Fronts = readonly (readonly number[])[];

interface Dominance {
  /** dominated[p] === 1 when program p is dominated; programs on no front are never marked */
  dominated: Uint8Array;
  /** frontCount[p]: how many fronts program p is on */
  frontCount: Int32Array;
}

function dominance(lists: Fronts, scores: readonly number[]): Dominance {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, p) => p).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0) || a - b);
  const rank = new Int32Array(n);
  order.forEach((p, r) => (rank[p] = r));

  const frontCount = new Int32Array(n);
  // the fronts each program comes last on, as linked lists: firstEnding[p], then nextEnding[k]
  const firstEnding = new Int32Array(n).fill(-1);
  const nextEnding = new Int32Array(lists.length);
  for (let k = 0; k < lists.length; k++) {
    const progs = lists[k] as readonly number[];
    let lastRank = -1;
    for (let i = 0; i < progs.length; i++) {
      const p = progs[i] as number;
      // a program without a score ranks like a score of 0: rank it among the others and start again
      if (!(p < n)) return dominance(lists, padTo(scores, lists));
      frontCount[p] = (frontCount[p] as number) + 1;
      const r = rank[p] as number;
      lastRank = r > lastRank ? r : lastRank; // branch-free: ranks come in no particular order
    }
    if (lastRank < 0) continue;
    const last = order[lastRank] as number;
    nextEnding[k] = firstEnding[last] as number;
    firstEnding[last] = k;
  }

  const kept = new Uint8Array(n);
  const dominated = new Uint8Array(n);
  for (const p of order) {
    if (frontCount[p] === 0) continue;
    for (let k = firstEnding[p] as number; k >= 0 && kept[p] === 0; k = nextEnding[k] as number) {
      const progs = lists[k] as readonly number[];
      // newer programs tend to score higher and survive, so look from the end
      let i = progs.length - 1;
      while (i >= 0 && kept[progs[i] as number] === 0) i--;
      if (i < 0) kept[p] = 1;
    }
    if (kept[p] === 0) dominated[p] = 1;
  }
  return { dominated, frontCount };
}

/** The scores, with room (undefined, ranked as 0) for every program on a front. */
function padTo(scores: readonly number[], lists: Fronts): number[] {
  let programs = scores.length;
  for (const progs of lists) for (const p of progs) programs = Math.max(programs, p + 1);
  const out = scores.slice();
  out.length = programs;
  return out;
}

/** dominated[p] === 1 when program p is dominated; programs on no front are never marked. */
export function dominatedPrograms(lists: Fronts, scores: readonly number[]): Uint8Array {
  return dominance(lists, scores).dominated;
}

/** The fronts without their dominated programs (new lists; the input is not changed). */
export function removeDominated(lists: Fronts, scores: readonly number[]): number[][] {
  const { dominated } = dominance(lists, scores);
  return lists.map((progs) => progs.filter((p) => dominated[p] !== 1));
}

/** frontFrequencies(removeDominated(lists, scores)) without building the filtered fronts. */
export function nonDominatedFrequencies(lists: Fronts, scores: readonly number[]): [number, number][] {
  // a surviving program stays on every front it was on, so its frequency is its front count
  const { dominated, frontCount } = dominance(lists, scores);
  const out: [number, number][] = [];
  frontCount.forEach((f, p) => f > 0 && dominated[p] === 0 && out.push([p, f]));
  return out;
}

/** How many fronts each program is on, ordered by program index. */
export function frontFrequencies(lists: Fronts): [number, number][] {
  const freq: number[] = [];
  for (const progs of lists) for (const p of progs) freq[p] = (freq[p] ?? 0) + 1;
  const out: [number, number][] = [];
  freq.forEach((f, p) => out.push([p, f]));
  return out;
}
