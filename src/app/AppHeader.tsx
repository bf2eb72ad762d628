import type { AccountInfo } from '@azure/msal-browser';
import { Link } from 'react-router';
import { BrandMark } from '../components/BrandMark';
import { ModeBadge } from '../components/ModeBadge';
import { AccountMenuContainer } from '../features/auth/AccountMenuContainer';
import { ShareToolbar } from '../features/saved-views/ShareToolbar';
import { useRuntimeConfig } from './config-context';
import { VIEW_URL_PARSERS } from './view-params';

export function AppHeader({
  active,
  others,
}: {
  active: AccountInfo;
  others: readonly AccountInfo[];
}) {
  const { mode } = useRuntimeConfig();
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="app-header__brand">
          <BrandMark className="app-header__mark" />
          <span className="app-header__name">Referral Lens</span>
        </Link>
        <ModeBadge mode={mode} />
        <ShareToolbar accountId={active.homeAccountId} urlParsers={VIEW_URL_PARSERS} />
        <div className="app-header__account">
          <AccountMenuContainer active={active} others={others} />
        </div>
      </div>
    </header>
  );
}
