export const LINK_COPIED = 'Link copied';
export const LINK_NOT_COPIED =
  'Could not copy the link: the browser refused access to the clipboard. Copy the address from the address bar instead.';

/** Copies the page's address, which holds every choice the page makes (filters, page, sort…). */
export function CopyLinkButton({ onResult }: { onResult: (message: string) => void }) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      onResult(LINK_COPIED);
    } catch {
      onResult(LINK_NOT_COPIED);
    }
  }
  return (
    <button
      type="button"
      className="button share-toolbar__button"
      onClick={() => void copy()}
      title="Copy this page's address, with its filters, to share it"
    >
      Copy link
    </button>
  );
}
