// The page's analytics API traffic from now on, for the request budget spec and the requests bench: requests, and
// their answers' bytes decoded (what the app reads) and as transferred (compressed by the proxy).
import type { Page } from '@playwright/test';

export interface ApiAnswer {
  /** The request's query string, decoded. */
  query: string;
  bytes: number;
  /** The body as received, before content decoding (Playwright's Request.sizes().responseBodySize). */
  wireBytes: number;
  /** The answer's Content-Encoding: br, gzip or identity. */
  coding: string;
}

export interface ApiTraffic {
  requests: number;
  bytes: number;
  wireBytes: number;
  answers: ApiAnswer[];
}

const isApi = (url: string) => new URL(url).pathname.endsWith('/analytics/referrals');

export function watchApiTraffic(page: Page) {
  const counted: ApiTraffic & { inFlight: number } = {
    requests: 0,
    bytes: 0,
    wireBytes: 0,
    answers: [],
    inFlight: 0,
  };
  page.on('request', (request) => {
    if (!isApi(request.url())) return;
    counted.requests += 1;
    counted.inFlight += 1;
  });
  page.on('requestfinished', async (request) => {
    if (!isApi(request.url())) return;
    const response = await request.response();
    const body = await response?.body().catch(() => null);
    const coding = (await response?.allHeaders().catch(() => null))?.['content-encoding'];
    const answer: ApiAnswer = {
      query: decodeURIComponent(new URL(request.url()).search),
      bytes: body?.length ?? 0,
      wireBytes: (await request.sizes().catch(() => null))?.responseBodySize ?? 0,
      coding: coding ?? 'identity',
    };
    counted.bytes += answer.bytes;
    counted.wireBytes += answer.wireBytes;
    counted.answers.push(answer);
    counted.inFlight -= 1;
  });
  page.on('requestfailed', (request) => {
    if (isApi(request.url())) counted.inFlight -= 1;
  });
  return {
    /** Live counts since the last take; `inFlight` runs on across takes, for settling. */
    counted,
    /** The traffic since the last take, and a fresh start. */
    take(): ApiTraffic {
      const { requests, bytes, wireBytes, answers } = counted;
      Object.assign(counted, { requests: 0, bytes: 0, wireBytes: 0, answers: [] });
      return { requests, bytes, wireBytes, answers };
    },
  };
}
