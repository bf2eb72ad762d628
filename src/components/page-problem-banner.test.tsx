import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api/errors';
import { ErrorPanel } from './error-panel';
import { PageProblemBanner } from './page-problem-banner';
import { PageProblemsProvider } from './page-problems';
import { queryProblem } from './query-problem';
import { SignInAgainProvider } from './sign-in-again';

/** A widget of the page: its figure, or its problem in a compact panel. */
function Widget({ name, fetch }: { name: string; fetch: () => Promise<string> }) {
  const query = useQuery({ queryKey: [name], queryFn: fetch });
  const problem = queryProblem(query);
  return (
    <section aria-label={name}>
      {query.data !== undefined && <p>{query.data}</p>}
      {problem && <ErrorPanel {...problem} compact />}
    </section>
  );
}

function renderPage(widgets: Record<string, () => Promise<string>>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <SignInAgainProvider signInAgain={() => Promise.resolve()}>
        <PageProblemsProvider>
          <PageProblemBanner />
          {Object.entries(widgets).map(([name, fetch]) => (
            <Widget key={name} name={name} fetch={fetch} />
          ))}
        </PageProblemsProvider>
      </SignInAgainProvider>
    </QueryClientProvider>,
  );
}

const failWith = (status: number) => () =>
  Promise.reject(new ApiError({ status, description: `HTTP ${status}`, requestId: 'req-1' }));

describe('PageProblemBanner', () => {
  it('says a problem of several widgets once, with one Try again that refetches them all', async () => {
    const user = userEvent.setup();
    let down = true;
    const figure = (value: string) => () =>
      down ? failWith(500)() : Promise.resolve(`${value} figure`);
    renderPage({ Total: figure('Total'), Won: figure('Won'), Chart: figure('Chart') });

    // The failures arrive one by one; once all three are in, one message says it.
    await screen.findByText(/^3 parts of this page show as unavailable/);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Partner Center had a problem');
    expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);
    for (const name of ['Total', 'Won', 'Chart']) {
      expect(within(screen.getByRole('region', { name })).getByText(/Unavailable/)).toBeVisible();
    }

    down = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Total figure')).toBeInTheDocument();
    expect(await screen.findByText('Chart figure')).toBeInTheDocument();
    expect(screen.getByText('Won figure')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps a failure of one widget with that widget', async () => {
    renderPage({
      Total: () => Promise.resolve('Total figure'),
      Sizes: failWith(500),
      Markets: failWith(400),
    });
    const sizes = screen.getByRole('region', { name: 'Sizes' });
    expect(await within(sizes).findByRole('alert')).toHaveTextContent(
      'Partner Center had a problem',
    );
    const markets = screen.getByRole('region', { name: 'Markets' });
    expect(await within(markets).findByRole('alert')).toHaveTextContent(
      'Partner Center could not run this query',
    );
    expect(screen.getAllByRole('alert')).toHaveLength(2);
    expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(2);
  });

  it('offers Sign in again once when the sign-in is refused everywhere', async () => {
    renderPage({ Total: failWith(401), Won: failWith(401), Markets: failWith(401) });
    await screen.findByText(/^3 parts of this page/);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Your sign-in was not accepted');
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Sign in again' })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);
  });
});
