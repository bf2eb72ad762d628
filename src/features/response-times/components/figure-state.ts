// What every figure of the page shares: whether its data is in, being refreshed or failed.
import type { ErrorPanelProps } from '../../../components/error-panel';
import type { Precision } from '../model/precision';
import type { CohortSize } from '../model/response-times';

export interface FigureState {
  ready: boolean;
  updating: boolean;
  problem: ErrorPanelProps | null;
  precision: Precision;
  cohortSize: CohortSize;
  /** File-name text of the view. */
  viewDescription: string;
}
