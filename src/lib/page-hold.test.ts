// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { holdPage, pageIsHeld } from './page-hold';

function leaving(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('holdPage', () => {
  it('holds the page, and has the browser ask before leaving, until every hold is released', () => {
    expect(pageIsHeld()).toBe(false);
    expect(leaving()).toBe(false);
    const first = holdPage();
    const second = holdPage();
    expect(pageIsHeld()).toBe(true);
    expect(leaving()).toBe(true);
    first();
    first();
    expect(pageIsHeld()).toBe(true);
    second();
    expect(pageIsHeld()).toBe(false);
    expect(leaving()).toBe(false);
  });
});
