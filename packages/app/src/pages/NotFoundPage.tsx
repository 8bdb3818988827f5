import { ButtonLink, EmptyState, Page } from '@atrium/plugin-api/frontend';
import { useLocation } from 'react-router';
import { useDocumentTitle } from '../useDocumentTitle';

/** The page for any path no route claims. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found');
  return (
    <Page title="Page not found">
      <EmptyState
        icon="alert"
        title={`Nothing lives at ${pathname}`}
        description="The link may be old, or the plugin that served this page may no longer be enabled."
        action={
          <ButtonLink to="/" variant="primary" icon="home">
            Go home
          </ButtonLink>
        }
      />
    </Page>
  );
}
