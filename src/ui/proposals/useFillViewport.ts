// The height that lets an element reach the bottom of the window from where it starts, so the table and
// the detail pane scroll inside themselves instead of the page. Re-measured when the window resizes or
// anything above the element changes height (the body resizes); never below `min`.
import { useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

export function useFillViewport<T extends HTMLElement>(min: number, bottomGap: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
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
  }, [min, bottomGap]);
  return [ref, height];
}
