import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { preloadable } from './preloadable';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

function renderWithFallback(element: React.ReactNode) {
  return render(<Suspense fallback={<p>Loading</p>}>{element}</Suspense>);
}

describe('preloadable', () => {
  it('renders a preloaded component at once, without a fallback', async () => {
    const { Component, load } = preloadable(() => Promise.resolve(Greeting));
    await load();
    renderWithFallback(<Component name="Ada" />);
    expect(screen.getByText('Hello Ada')).toBeInTheDocument();
    expect(screen.queryByText('Loading')).not.toBeInTheDocument();
  });

  it('suspends like React.lazy when nothing was preloaded', async () => {
    const { Component } = preloadable(() => Promise.resolve(Greeting));
    renderWithFallback(<Component name="Ada" />);
    expect(screen.getByText('Loading')).toBeInTheDocument();
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
  });

  it('imports once however often it is loaded and rendered', async () => {
    const importComponent = vi.fn(() => Promise.resolve(Greeting));
    const { Component, load } = preloadable(importComponent);
    await Promise.all([load(), load()]);
    renderWithFallback(<Component name="Ada" />);
    await load();
    expect(importComponent).toHaveBeenCalledTimes(1);
  });

  it('imports again after a failed load', async () => {
    const importComponent = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new Error('chunk failed'))
      .mockResolvedValue(Greeting);
    const { Component, load } = preloadable(importComponent);
    await expect(load()).rejects.toThrow('chunk failed');
    await act(() => load());
    renderWithFallback(<Component name="Ada" />);
    expect(screen.getByText('Hello Ada')).toBeInTheDocument();
    expect(importComponent).toHaveBeenCalledTimes(2);
  });
});
