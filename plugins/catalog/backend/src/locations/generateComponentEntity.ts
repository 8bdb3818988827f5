import type { Entity } from '@atrium/plugin-api';

/** Hosts whose repositories get Backstage's `<host>/project-slug` annotation. */
const slugAnnotationHosts = ['github.com', 'gitlab.com', 'bitbucket.org', 'dev.azure.com'];

/** Makes a valid `metadata.name` (sequences of [A-Za-z0-9] joined by - _ ., at most 63 characters). */
function toEntityName(text: string): string | undefined {
  const name = text
    .replace(/\.git$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return name === '' ? undefined : name;
}

/** The owner path and repository name of a repository URL (`/owner/repo/...`, Azure's `/org/project/_git/repo`). */
function repositoryOf(url: URL): { owner: string; repo: string } | undefined {
  const segments = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const git = segments.indexOf('_git');
  if (git > 0 && segments[git + 1]) {
    return { owner: segments.slice(0, git).join('/'), repo: segments[git + 1] as string };
  }
  // GitLab groups nest: everything up to a `-` segment (/-/blob/...) or the end names the repository.
  const dash = segments.indexOf('-');
  const path = dash > 1 ? segments.slice(0, dash) : segments.slice(0, 2);
  if (path.length < 2) {
    return undefined;
  }
  return { owner: path.slice(0, -1).join('/'), repo: path.at(-1) as string };
}

/**
 * What `POST /analyze-location` proposes for a repository without a catalog
 * file, as Backstage does: a Component named after the repository, of type
 * `other` and lifecycle `unknown`, with `<host>/project-slug` for GitHub,
 * GitLab, Bitbucket and Azure DevOps. `undefined` when the URL names no
 * repository.
 *
 * @example
 * generateComponentEntity('https://github.com/acme/payments');
 * // { apiVersion: 'backstage.io/v1alpha1', kind: 'Component',
 * //   metadata: { name: 'payments', annotations: { 'github.com/project-slug': 'acme/payments' } },
 * //   spec: { type: 'other', lifecycle: 'unknown' } }
 */
export function generateComponentEntity(target: string): Entity | undefined {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  const repository = repositoryOf(url);
  const name = repository && toEntityName(repository.repo);
  if (!repository || !name) {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  const annotationHost = slugAnnotationHosts.find((h) => host === h || host.endsWith(`.${h}`));
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      ...(annotationHost
        ? {
            annotations: {
              [`${annotationHost}/project-slug`]: `${repository.owner}/${repository.repo.replace(/\.git$/i, '')}`,
            },
          }
        : {}),
    },
    spec: { type: 'other', lifecycle: 'unknown' },
  };
}
