import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyLinkButton, LINK_COPIED, LINK_NOT_COPIED } from './copy-link-button';

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

describe('CopyLinkButton', () => {
  afterEach(() => vi.restoreAllMocks());

  it('copies the page address and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard(writeText);
    const onResult = vi.fn();
    render(<CopyLinkButton onResult={onResult} />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(window.location.href);
    expect(onResult).toHaveBeenCalledWith(LINK_COPIED);
  });

  it('says clearly when the browser refuses the clipboard', async () => {
    stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const onResult = vi.fn();
    render(<CopyLinkButton onResult={onResult} />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(onResult).toHaveBeenCalledWith(LINK_NOT_COPIED);
  });
});
