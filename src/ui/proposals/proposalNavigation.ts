// Keyboard selection in the table: which proposal id a key moves to, given the ids in display order.
// A selection that is filtered out of view restarts from the top (down) or the bottom (up).
export type NavKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'PageDown' | 'PageUp';

export const NAV_KEYS: readonly string[] = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'];

export function nextSelection(
  ids: readonly number[],
  current: number | null,
  key: NavKey,
  pageSize: number,
): number | null {
  if (ids.length === 0) return null;
  const last = ids.length - 1;
  const at = current === null ? -1 : ids.indexOf(current);
  const step = Math.max(1, pageSize);
  let target: number;
  switch (key) {
    case 'Home':
      target = 0;
      break;
    case 'End':
      target = last;
      break;
    case 'ArrowDown':
      target = at < 0 ? 0 : at + 1;
      break;
    case 'ArrowUp':
      target = at < 0 ? last : at - 1;
      break;
    case 'PageDown':
      target = at < 0 ? 0 : at + step;
      break;
    case 'PageUp':
      target = at < 0 ? last : at - step;
      break;
  }
  return ids[Math.min(last, Math.max(0, target))] ?? null;
}
