// The width of a chart's body, measured by its frame while the skeleton shows, so that a chart drawn later knows
// its width on its first render (recharts' own measuring re-renders the whole chart once it knows).
import {
  createContext,
  useContext,
  useEffect,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';

export const ChartWidthContext = createContext(0);

/**
 * A chart's width on paper: A4's 210 mm (Letter is wider) less the print margins and the figure's padding, at
 * CSS's 96 px per inch. Printing lays the page out at the paper's width without running the ResizeObserver, so
 * charts are drawn at this width as printing starts; the print stylesheet scales any wider SVG down to fit.
 */
export const PRINT_CHART_WIDTH = 660;

/** The chart body's width in pixels for the chart inside it; 0 before the first measurement. */
export function useChartBodyWidth(): number {
  return useContext(ChartWidthContext);
}

/**
 * Draws a chart at the body's width. Recharts' own `responsive` sizing measures the container after the first
 * render and draws the whole chart again; a known width saves that (~100 ms over the five charts of a load).
 */
export function WithChartWidth({ children }: { children: (width: number) => ReactNode }) {
  return children(useChartBodyWidth());
}

/** The element's content width, following resizes. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
