import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, invalidQueryError, signInError } from '../lib/api/errors';
import { ErrorPanel } from './error-panel';
import { SignInAgainProvider, type SignInAgain } from './sign-in-again';

const apiError = (status: number, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) =>
  new ApiError({ status, description: 'API words', requestId: 'req-123', ...extra });

afterEach(() => {
  vi.useRealTimers();
});

describe('ErrorPanel', () => {
  it('shows a 400 with the API’s description, what to do and the request ID', () => {
    render(
      <ErrorPanel
        error={apiError(400, { description: "Unknown field 'foo'." })}
        onRetry={() => {}}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Partner Center could not run this query');
    expect(alert).toHaveTextContent("Unknown field 'foo'.");
    expect(alert).toHaveTextContent('Check the filter, then try again.');
    expect(alert).toHaveTextContent('Request ID: req-123');
  });

  it('tells a 401 to sign in again and a 403 about the Partner Center permission', () => {
    const { rerender } = render(<ErrorPanel error={apiError(401)} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/Sign in again/);
    // Outside the signed-in app there is no sign-in to start: words only.
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
    rerender(<ErrorPanel error={apiError(403)} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/need the Partner Center permission/);
    expect(screen.getByRole('alert')).not.toHaveTextContent('API words');
  });

  it('counts down a 429’s Retry-After while retrying', () => {
    vi.useFakeTimers();
    render(<ErrorPanel error={apiError(429, { retryAfterSeconds: 5 })} retrying />);
    expect(screen.getByRole('alert')).toHaveTextContent('Partner Center is throttling requests');
    expect(screen.getByRole('alert')).toHaveTextContent('Retrying in 5 s.');
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByRole('alert')).toHaveTextContent('Retrying in 3 s.');
  });

  it('tells a 429 that is no longer retrying how long to wait', () => {
    render(<ErrorPanel error={apiError(429, { retryAfterSeconds: 300 })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Wait 300 s, then try again.');
  });

  it.each([500, 503])('says Partner Center had a problem on %s', (status) => {
    render(<ErrorPanel error={apiError(status)} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Partner Center had a problem');
    expect(screen.getByRole('alert')).toHaveTextContent(/try again in a moment/);
  });

  it('says how long a 503 asks to wait', () => {
    const { rerender } = render(<ErrorPanel error={apiError(503, { retryAfterSeconds: 7200 })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Partner Center is unavailable for now');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'It asks to wait about 2 hours, then try again.',
    );
    rerender(<ErrorPanel error={apiError(503, { retryAfterSeconds: 600 })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('It asks to wait about 10 minutes');
  });

  it('says a 504 means Partner Center did not answer in time, not that it had a problem', () => {
    render(
      <ErrorPanel
        error={apiError(504, {
          description:
            'The referrals API did not answer within 120 seconds. Try again in a moment.',
        })}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Partner Center did not answer in time');
    expect(alert).toHaveTextContent('did not answer within 120 seconds');
    expect(alert).not.toHaveTextContent('had a problem');
  });

  it('explains a network failure', () => {
    render(
      <ErrorPanel
        error={
          new ApiError({
            status: 0,
            kind: 'network',
            description: 'The app could not reach its server.',
          })
        }
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Partner Center could not be reached');
    expect(screen.getByRole('alert')).toHaveTextContent('Check your connection');
  });

  it('explains a query refused before sending, without a request ID', () => {
    render(<ErrorPanel error={invalidQueryError('Rows per request must be 1 to 10,000.')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This request was not sent');
    expect(screen.getByRole('alert')).toHaveTextContent('Rows per request must be 1 to 10,000.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('Request ID');
  });

  it('copes with errors that are not ApiErrors', () => {
    render(<ErrorPanel error={new Error('boom')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong');
    expect(screen.getByRole('alert')).toHaveTextContent('boom');
  });

  it('offers Try again only when it can', async () => {
    const onRetry = vi.fn();
    const { rerender } = render(<ErrorPanel error={apiError(500)} />);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    rerender(<ErrorPanel error={apiError(500)} onRetry={onRetry} />);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('renders untrusted text as text', () => {
    render(<ErrorPanel error={apiError(400, { description: '<img src=x onerror=alert(1)>' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  describe('Sign in again', () => {
    const renderInApp = (error: unknown, signInAgain: SignInAgain, onRetry?: () => void) =>
      render(
        <SignInAgainProvider signInAgain={signInAgain}>
          <ErrorPanel error={error} onRetry={onRetry} />
        </SignInAgainProvider>,
      );

    it('is offered on a 401 beside Try again, and starts the interactive sign-in once', async () => {
      const signInAgain = vi.fn<SignInAgain>(() => new Promise<void>(() => {}));
      const onRetry = vi.fn();
      renderInApp(apiError(401), signInAgain, onRetry);
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent('Your sign-in was not accepted');
      expect(alert).toHaveTextContent('you come back to this page with your filters as they are');
      expect(alert).toHaveTextContent('Request ID: req-123');
      expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();

      const button = screen.getByRole('button', { name: 'Sign in again' });
      await userEvent.click(button);
      expect(signInAgain).toHaveBeenCalledOnce();
      // The browser is on its way to the sign-in page: a second click would only fail.
      expect(button).toBeDisabled();
      expect(onRetry).not.toHaveBeenCalled();
    });

    it('is offered when the token could not be renewed at all', () => {
      renderInApp(
        signInError(new Error('network'), { requestId: 'r', correlationId: 'c' }),
        vi.fn(),
      );
      expect(screen.getByRole('button', { name: 'Sign in again' })).toBeEnabled();
    });

    it('says when the sign-in page cannot be opened, and can be tried again', async () => {
      const signInAgain = vi
        .fn<SignInAgain>()
        .mockRejectedValueOnce(new Error('interaction_in_progress'))
        .mockResolvedValueOnce(undefined);
      renderInApp(apiError(401), signInAgain);
      await userEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
      expect(screen.getByRole('alert')).toHaveTextContent(
        'The sign-in page could not be opened (interaction_in_progress). Reload the page and try again.',
      );
      await userEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
      expect(signInAgain).toHaveBeenCalledTimes(2);
      expect(screen.getByRole('alert')).not.toHaveTextContent('could not be opened');
    });

    it.each([403, 429, 500])('is not offered for a %s', (status) => {
      renderInApp(apiError(status), vi.fn());
      expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
    });
  });
});
