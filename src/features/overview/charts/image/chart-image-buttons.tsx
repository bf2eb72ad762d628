import type { RefObject } from 'react';
import { downloadBlob } from '../../../../lib/csv/download';
import { useViewFilters } from '../../../filters';
import { chartImage, chartPng } from './chart-image';
import { chartImageCaption } from './image-caption';
import { readLegend } from './image-legend';

/** "Download PNG" (2×) and "Download SVG" of the chart drawn in `body`, titled and captioned. */
export function ChartImageButtons({
  title,
  fileName,
  body,
  disabled,
}: {
  title: string;
  /** The file name without its extension. */
  fileName: string;
  body: RefObject<HTMLElement | null>;
  disabled: boolean;
}) {
  const { filters, range } = useViewFilters();

  function image() {
    const svg = body.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    const figure = body.current?.closest('figure');
    if (!svg) return null;
    return chartImage(svg, {
      title,
      caption: chartImageCaption({ filters, range }),
      legend: figure ? readLegend(figure) : [],
    });
  }

  return (
    <>
      <button
        type="button"
        className="button chart__action"
        disabled={disabled}
        onClick={() => {
          const drawn = image();
          if (drawn) void chartPng(drawn).then((blob) => downloadBlob(blob, `${fileName}.png`));
        }}
      >
        Download PNG
      </button>
      <button
        type="button"
        className="button chart__action"
        disabled={disabled}
        onClick={() => {
          const drawn = image();
          if (drawn) {
            downloadBlob(new Blob([drawn.svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
          }
        }}
      >
        Download SVG
      </button>
    </>
  );
}
