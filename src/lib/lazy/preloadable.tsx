// A lazily loaded component that can be fetched ahead of rendering. React.lazy suspends on first render even
// when the chunk is already in memory, and React holds back revealing suspended content for a few hundred
// milliseconds after a fallback shows; a component preloaded before render renders at once instead.
import { lazy, useState, type ComponentType } from 'react';

export interface PreloadableComponent<P extends object> {
  Component: ComponentType<P>;
  /** Fetches the component's code once; later calls return the same promise. */
  load(): Promise<ComponentType<P>>;
}

export function preloadable<P extends object>(
  importComponent: () => Promise<ComponentType<P>>,
): PreloadableComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const load = () =>
    (loading ??= importComponent().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed chunk (a deploy replaced it, the network dropped) is fetched again next time.
        loading = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(() => load().then((component) => ({ default: component })));

  function Preloaded(props: P) {
    // Chosen once per mount: switching from Lazy to the loaded component would remount the subtree.
    const [Chosen] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Chosen {...props} />;
  }
  return { Component: Preloaded, load };
}
