import { useSyncExternalStore } from 'react';
import { downloadBlob } from '../../../lib/csv/download';
import { createExportStore, type ExportState } from './exportStore';

/** The app's one "Export all matching rows"; it outlives the table so navigation cannot lose it. */
export const referralsExport = createExportStore(downloadBlob);

export function useReferralsExport(): ExportState {
  return useSyncExternalStore(referralsExport.subscribe, referralsExport.getSnapshot);
}
