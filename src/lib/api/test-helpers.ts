// Test doubles for the referrals client: a scripted fetch that records what was sent.
import type { Referral } from '../referrals/schema';

export interface SentRequest {
  url: string;
  headers: Record<string, string>;
}

export type Reply = Response | Error | (() => Response | Promise<Response>);

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function textResponse(body: string, status: number, headers: Record<string, string> = {}) {
  return new Response(body, { status, headers });
}

/** A fetch that answers with `replies` in order and records every request. */
export function scriptedFetch(...replies: Reply[]) {
  const sent: SentRequest[] = [];
  const queue = [...replies];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    sent.push({ url: String(input), headers });
    const reply = queue.shift();
    if (reply === undefined) throw new Error(`Unexpected request ${String(input)}`);
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply() : reply;
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

export function referral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: '112310',
    status: 'Accepted',
    customerMarket: 'US',
    customerName: 'Contoso',
    customerOrgSize: '10to50employees',
    createdDate: '2026-01-05T10:00:00',
    acknowledgedDate: '2026-01-06T10:00:00',
    acceptedDate: '2026-01-07T10:00:00',
    declinedDate: null,
    expiredDate: null,
    lostDate: null,
    missedDate: null,
    skippedDate: null,
    wonDate: null,
    archivedDate: null,
    partnerMarket: 'GB',
    ...overrides,
  };
}
