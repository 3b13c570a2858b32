import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A wide table scrolls sideways inside its panel, never the page (900 px windows, 200% zoom).
 * While it does scroll, the box is a named region in the tab order, so a keyboard user can reach
 * it and scroll it with the arrow keys (axe: scrollable-region-focusable); when it fits it is
 * a plain box and adds no tab stop.
 */
export function TableScroll({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState<'no' | 'sideways' | 'down'>('no');
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    // Measured when the ResizeObserver reports (after layout, before paint; first on observe), never
    // by reading sizes during React's commit, which forced a layout of the whole page (~60 ms of a
    // first load).
    // A tall table (a box with a maximum height) scrolls down inside it: a region too.
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1 ? 'sideways' : box.scrollHeight > box.clientHeight + 1 ? 'down' : 'no');
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className={className ? `table-scroll ${className}` : 'table-scroll'} {...(scrolls !== 'no' ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (scrolls ${scrolls})` } : {})}>
      {children}
    </div>
  );
}
