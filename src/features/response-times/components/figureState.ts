// What every figure of the page shares: whether its data is in, being refreshed or failed.
import type { ErrorPanelProps } from '../../../components/ErrorPanel';
import type { Precision } from '../model/precision';
import type { CohortSize } from '../model/responseTimes';

export interface FigureState {
  ready: boolean;
  updating: boolean;
  problem: ErrorPanelProps | null;
  precision: Precision;
  cohortSize: CohortSize;
  /** File-name text of the view. */
  viewDescription: string;
}
