// Copy link, Save view, Views and Print, for every signed-in page (mounted in the app header). Every
// result is said in one polite live region, visible too, so nobody has to guess what happened.
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { downloadBlob } from '../../lib/csv/download';
import { CopyLinkButton } from './copy-link-button';
import { PrintButton } from './print-button';
import { SaveViewButton } from './save-view-button';
import { viewsFileText, type SavedView } from './saved-views';
import { useSavedViews } from './use-saved-views';
import { addressProblems, problemsMessage, type UrlParamParsers } from './view-address';
import { ViewsMenu } from './views-menu';
import './saved-views.css';

const MESSAGE_MS = 8000;

export function ShareToolbar({
  accountId,
  urlParsers,
}: {
  /** The signed-in account's homeAccountId: each account has its own views. */
  accountId: string;
  /** Every query key the app's pages read, to tell which settings of an old view no longer apply. */
  urlParsers: UrlParamParsers;
}) {
  const location = useLocation();
  const navigate = useNavigate();
  const savedViews = useSavedViews(accountId);
  const [message, setMessage] = useState<{ text: string; at: number } | null>(null);
  const say = (text: string) => setMessage({ text, at: Date.now() });

  useEffect(() => {
    if (message === null) return;
    const timer = setTimeout(() => setMessage(null), MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [message]);

  function open(view: SavedView) {
    void navigate(view.address);
    say(
      problemsMessage(view.name, addressProblems(view.address, urlParsers)) ??
        `Opened “${view.name}”.`,
    );
  }

  const shown = message?.text ?? savedViews.problem ?? '';

  return (
    <div className="share-toolbar" role="group" aria-label="Share this view">
      <CopyLinkButton onResult={say} />
      <SaveViewButton
        onSave={(name) => {
          const saved = savedViews.save(name, `${location.pathname}${location.search}`);
          if (saved) say(`Saved view “${saved.name}”.`);
          return saved !== null;
        }}
      />
      <ViewsMenu
        views={savedViews.views}
        onOpen={open}
        onRename={savedViews.rename}
        onDelete={savedViews.remove}
        onExport={() =>
          downloadBlob(
            new Blob([viewsFileText(savedViews.views)], { type: 'application/json' }),
            'referral-lens-views.json',
          )
        }
        onImport={(text) => say(savedViews.importText(text).message)}
      />
      <PrintButton />
      <p className="share-toolbar__status" role="status" aria-live="polite">
        {shown}
      </p>
    </div>
  );
}
