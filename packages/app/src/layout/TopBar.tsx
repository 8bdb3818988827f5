import { useLocation } from 'react-router';
import { SearchBox } from './SearchBox';
import { UserMenu } from './UserMenu';

/** The bar above every page: the catalog search (the home page has its own, larger one) and the user menu. */
export function TopBar() {
  const { pathname } = useLocation();
  return (
    <header className="shell-topbar">
      <div className="shell-topbar__search">{pathname === '/' ? null : <SearchBox />}</div>
      <UserMenu />
    </header>
  );
}
