import { describe, expect, it } from 'vitest';
import { waitLength } from './error-copy';

describe('waitLength', () => {
  it('says short waits in seconds and long ones in rounded minutes or hours', () => {
    expect(waitLength(45)).toBe('45 s');
    expect(waitLength(89)).toBe('89 s');
    expect(waitLength(90)).toBe('about 2 minutes');
    expect(waitLength(1800)).toBe('about 30 minutes');
    expect(waitLength(3600)).toBe('about 1 hour');
    expect(waitLength(5400)).toBe('about 2 hours');
    expect(waitLength(86_400)).toBe('about 24 hours');
  });
});
