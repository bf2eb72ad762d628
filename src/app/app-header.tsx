import type { AccountInfo } from '@azure/msal-browser';
import { Link, NavLink, useLocation } from 'react-router';
import { BrandMark } from '../components/brand-mark';
import { ModeBadge } from '../components/mode-badge';
import { AccountMenuContainer } from '../features/auth/account-menu-container';
import { ShareToolbar } from '../features/saved-views/share-toolbar';
import { useRuntimeConfig } from '../lib/runtime-config/config-context';
import { RESPONSE_TIMES_PATH } from './paths';
import { VIEW_URL_PARSERS } from './view-params';

export function AppHeader({
  active,
  others,
}: {
  active: AccountInfo;
  others: readonly AccountInfo[];
}) {
  const { mode } = useRuntimeConfig();
  // The pages share the filter bar's state: moving between them keeps the filters.
  const { search } = useLocation();
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="app-header__brand">
          <BrandMark className="app-header__mark" />
          <span className="app-header__name">Referral Lens</span>
        </Link>
        <ModeBadge mode={mode} />
        <nav className="app-header__nav" aria-label="Pages">
          <NavLink to={{ pathname: '/', search }} end className="app-header__link">
            Overview
          </NavLink>
          <NavLink to={{ pathname: RESPONSE_TIMES_PATH, search }} className="app-header__link">
            Response times
          </NavLink>
        </nav>
        <ShareToolbar accountId={active.homeAccountId} urlParsers={VIEW_URL_PARSERS} />
        <div className="app-header__account">
          <AccountMenuContainer active={active} others={others} />
        </div>
      </div>
    </header>
  );
}
