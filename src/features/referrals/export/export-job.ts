import type { ReferralsClient } from '../../../lib/api/client';
import { newGuid } from '../../../lib/api/ids';
import { retryDelayMs, shouldRetryRequest } from '../../../lib/api/retry';
import { MAX_TOP, type ReferralField } from '../../../lib/referrals/schema';
import type { ExportFormat, ExportJob } from './export-store';

export const EXPORT_CONCURRENCY = 2;

export interface ExportJobInput {
  filter: string | undefined;
  format: ExportFormat;
  fields: readonly ReferralField[];
  fileName: (options: { partial: boolean }) => string;
}

/**
 * An export through the app's API client (so tokens are renewed and a 401 refreshes once) with
 * the app's one retry policy. One correlation id covers the whole export; a retried page keeps
 * its request id, as Partner Center asks.
 */
export function createExportJob(client: ReferralsClient, input: ExportJobInput): ExportJob {
  const correlationId = newGuid();
  const requestIds = new Map<number, string>();
  return {
    format: input.format,
    fields: input.fields,
    fileName: input.fileName,
    retry: shouldRetryRequest,
    retryDelay: (failureCount, error) => retryDelayMs(failureCount, error),
    // Two pages at a time: Partner Center parses one while the browser reads the other; more
    // would only press on its rate limit.
    concurrency: EXPORT_CONCURRENCY,
    fetchPage: ({ skip, top }, signal) => {
      let requestId = requestIds.get(skip);
      if (requestId === undefined) {
        requestId = newGuid();
        requestIds.set(skip, requestId);
      }
      return client.page(
        { filter: input.filter, top: Math.min(top, MAX_TOP), skip },
        { signal, correlationId, requestId },
      );
    },
  };
}
