// The height that takes an element from where it starts to the bottom of the window, so a panel (the
// lineage, the matrix, the candidate list, the proposals table) uses the screen it has and scrolls inside itself.
// Measured again when the window resizes or anything above it changes height (the header gaining a log line).
import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

export function useFillHeight(ref: RefObject<HTMLElement | null>, min: number, bottomGap: number): number {
  const [height, setHeight] = useState(min);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - bottomGap)));
    };
    update();
    window.addEventListener('resize', update);
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    return () => {
      window.removeEventListener('resize', update);
      observer.disconnect();
    };
  }, [ref, min, bottomGap]);
  return height;
}
