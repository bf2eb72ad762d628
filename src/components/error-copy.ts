// What each failure means to a partner and what they can do about it: the words ErrorPanel shows.
import { ApiError } from '../lib/api/errors';

export interface ErrorCopy {
  title: string;
  /** The detail from the answer, when it helps (a 400's description). */
  detail: string | null;
  advice: string;
  requestId: string | null;
}

/** What the panel knows besides the error. */
export interface ErrorState {
  /** React Query is still retrying on its own. */
  retrying: boolean;
  /** Seconds left of a 429's Retry-After, counted down. */
  secondsLeft: number | null;
  /** A **Sign in again** button is shown with the words (after a 401, in the signed-in app). */
  canSignInAgain?: boolean;
}

// Partner Center refuses App+User tokens from sign-ins without multifactor authentication (401 or
// 403); its answer names it in one of these ways.
const MFA_REFUSAL = /multi-?factor|\bMFA\b|strong authentication/i;

/** A 401 or 403 that says the sign-in lacked multifactor authentication. */
export function isMfaRefusal(error: ApiError): boolean {
  if (error.kind !== 'http' || (error.status !== 401 && error.status !== 403)) return false;
  return MFA_REFUSAL.test(`${error.code ?? ''} ${error.description}`);
}

function seconds(n: number): string {
  return `${n} s`;
}

/** A wait a partner can plan around: "45 s", "about 3 minutes", "about 2 hours". */
export function waitLength(totalSeconds: number): string {
  if (totalSeconds < 90) return seconds(totalSeconds);
  const minutes = Math.round(totalSeconds / 60);
  if (minutes < 60) return `about ${minutes} minutes`;
  const hours = Math.round(totalSeconds / 3600);
  return `about ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

export function describeError(
  error: unknown,
  retry: ErrorState = { retrying: false, secondsLeft: null },
): ErrorCopy {
  if (!(error instanceof ApiError)) {
    const message = error instanceof Error ? error.message : null;
    return {
      title: 'Something went wrong',
      detail: message,
      advice: 'Try again. If it keeps happening, reload the page.',
      requestId: null,
    };
  }
  const base = { requestId: error.requestId };
  const { status } = error;
  if (error.kind === 'invalid-query') {
    return {
      ...base,
      title: 'This request was not sent',
      detail: error.description,
      advice: 'Change the filter or paging, then try again.',
    };
  }
  if (error.kind === 'invalid-response') {
    return {
      ...base,
      title: 'Partner Center sent an unexpected answer',
      detail: error.description,
      advice: 'Try again. If it keeps happening, report it with the request ID.',
    };
  }
  if (error.kind === 'network' || status === 0) {
    return {
      ...base,
      title: 'Partner Center could not be reached',
      detail: error.description,
      advice: retry.retrying ? 'Retrying…' : 'Check your connection, then try again.',
    };
  }
  if (status === 400) {
    return {
      ...base,
      title: 'Partner Center could not run this query',
      detail: error.description,
      advice: 'Check the filter, then try again.',
    };
  }
  if (isMfaRefusal(error)) {
    return {
      ...base,
      title: 'Partner Center needs a sign-in with multifactor authentication',
      detail: error.description,
      advice:
        'Partner Center accepts only sign-ins made with multifactor authentication (MFA). ' +
        (retry.canSignInAgain
          ? 'Choose Sign in again and complete the MFA prompt. '
          : 'Sign out, then sign in again and complete the MFA prompt. ') +
        "If you are not asked for a second step, ask your tenant's administrator to require MFA " +
        'for your account (security defaults or a Conditional Access policy).',
    };
  }
  if (status === 414 || status === 431) {
    return {
      ...base,
      title: 'The request is too long',
      detail: error.description,
      advice: 'Shorten the filter (fewer or shorter names), then try again.',
    };
  }
  if (status === 401) {
    return {
      ...base,
      title: 'Your sign-in was not accepted',
      detail: null,
      advice: retry.canSignInAgain
        ? 'Sign in again: you come back to this page with your filters as they are.'
        : 'Sign in again: choose Sign out in the account menu, then Sign in.',
    };
  }
  if (status === 403) {
    return {
      ...base,
      title: 'You do not have access to referrals analytics',
      detail: null,
      advice:
        'You need the Partner Center permission to read analytics (a role such as Referrals ' +
        'admin or Executive report viewer). Ask your Partner Center administrator, then sign in again.',
    };
  }
  if (status === 404) {
    return {
      ...base,
      title: 'Partner Center did not find what was asked for',
      detail: error.description,
      advice: 'Check the address, then try again.',
    };
  }
  if (status === 429) {
    const wait = retry.secondsLeft ?? error.retryAfterSeconds;
    let advice = 'Wait a minute, then try again.';
    if (retry.retrying)
      advice = wait !== null ? `Retrying in ${seconds(wait)}.` : 'Retrying shortly.';
    else if (wait !== null) advice = `Wait ${seconds(wait)}, then try again.`;
    return { ...base, title: 'Partner Center is throttling requests', detail: null, advice };
  }
  if (status === 504) {
    // The proxy's own answer when Partner Center stays silent past its time-out; its words say how long it waited.
    return {
      ...base,
      title: 'Partner Center did not answer in time',
      detail: error.description,
      advice: retry.retrying
        ? 'Retrying…'
        : 'Large ranges can take Partner Center minutes: try again, or narrow the date range.',
    };
  }
  if (status === 503 && error.retryAfterSeconds !== null && !retry.retrying) {
    return {
      ...base,
      title: 'Partner Center is unavailable for now',
      detail: null,
      advice: `It asks to wait ${waitLength(error.retryAfterSeconds)}, then try again.`,
    };
  }
  if (status >= 500) {
    return {
      ...base,
      title: 'Partner Center had a problem',
      detail: null,
      advice: retry.retrying ? 'Retrying…' : 'This is usually brief: try again in a moment.',
    };
  }
  return {
    ...base,
    title: 'Partner Center gave an unexpected answer',
    detail: error.description,
    advice: 'Try again. If it keeps happening, report it with the request ID.',
  };
}
