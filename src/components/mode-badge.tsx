import type { AppMode } from '../lib/runtime-config/config';
import './mode-badge.css';

const DESCRIPTION: Record<AppMode, string> = {
  sandbox: 'Sandbox: sample data from a local Partner Center emulator',
  live: 'Live: your Partner Center data',
};

/** Says which data the app shows: the local sandbox or the real Partner Center. */
export function ModeBadge({ mode }: { mode: AppMode }) {
  return (
    <span className={`mode-badge mode-badge--${mode}`} title={DESCRIPTION[mode]}>
      {mode === 'sandbox' ? 'Sandbox' : 'Live'}
    </span>
  );
}
