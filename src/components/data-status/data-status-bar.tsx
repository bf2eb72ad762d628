import { useRef } from 'react';
import { DataFreshness } from './data-freshness';
import { SlowAnswerNotice } from './slow-answer-notice';
import './data-status.css';

/** Above every signed-in page: how fresh its data is, and a notice while Partner Center is slow. */
export function DataStatusBar() {
  const refresh = useRef<HTMLButtonElement>(null);
  return (
    <div className="data-status">
      <SlowAnswerNotice
        // The Cancel button goes with the notice: focus moves to Refresh (or the page) rather than being lost.
        onCancelled={() => (refresh.current ?? document.getElementById('main'))?.focus()}
      />
      <DataFreshness refreshRef={refresh} />
    </div>
  );
}
