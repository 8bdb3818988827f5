import type { ReactNode } from 'react';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

/** The frame around every signed-in page: skip link, sidebar, top bar and the main landmark. */
export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <div className="shell">
      <a href="#main" className="shell-skip-link">
        Skip to content
      </a>
      <Sidebar />
      <div className="shell__column">
        <TopBar />
        <main id="main" className="shell__main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
