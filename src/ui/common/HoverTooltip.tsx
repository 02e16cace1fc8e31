// A small tooltip that follows the pointer (fixed position, kept inside the window). Its lines are
// rendered as text nodes: they often quote prompt text.
import './hoverTooltip.css';

export interface HoverInfo {
  lines: string[];
  clientX: number;
  clientY: number;
}

const OFFSET = 14;
const MAX_WIDTH = 360;

export function HoverTooltip({ info }: { info: HoverInfo | null }) {
  if (!info || info.lines.length === 0) return null;
  const flipX = info.clientX + OFFSET + MAX_WIDTH > window.innerWidth;
  const flipY = info.clientY + OFFSET + 24 * info.lines.length > window.innerHeight;
  const style = {
    left: flipX ? undefined : info.clientX + OFFSET,
    right: flipX ? window.innerWidth - info.clientX + OFFSET : undefined,
    top: flipY ? undefined : info.clientY + OFFSET,
    bottom: flipY ? window.innerHeight - info.clientY + OFFSET : undefined,
    maxWidth: MAX_WIDTH,
  };
  return (
    <div className="hover-tooltip" role="tooltip" style={style}>
      {info.lines.map((line, i) => (
        <div key={i} className={i === 0 ? 'hover-tooltip-title' : undefined}>
          {line}
        </div>
      ))}
    </div>
  );
}
