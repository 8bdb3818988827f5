import { useEffect } from 'react';

/** Sets the tab title to "<title> · Atrium", so history and screen readers name the page. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Atrium`;
  }, [title]);
}
