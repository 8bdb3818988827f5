import { generateComponentEntity } from './generateComponentEntity';

describe('generateComponentEntity', () => {
  it('proposes a Component named after a GitHub repository, with its project slug', () => {
    expect(generateComponentEntity('https://github.com/acme/payments')).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'payments', annotations: { 'github.com/project-slug': 'acme/payments' } },
      spec: { type: 'other', lifecycle: 'unknown' },
    });
  });

  it('reads the repository from a file URL inside it and drops .git', () => {
    const entity = generateComponentEntity(
      'https://github.com/acme/payments.git/blob/main/catalog-info.yaml',
    );
    expect(entity?.metadata).toEqual({
      name: 'payments',
      annotations: { 'github.com/project-slug': 'acme/payments' },
    });
  });

  it('keeps GitLab subgroups in the slug', () => {
    const entity = generateComponentEntity(
      'https://gitlab.com/acme/team/payments/-/blob/main/catalog-info.yaml',
    );
    expect(entity?.metadata.annotations).toEqual({ 'gitlab.com/project-slug': 'acme/team/payments' });
  });

  it('understands Azure DevOps repository URLs', () => {
    const entity = generateComponentEntity('https://dev.azure.com/acme/shop/_git/payments');
    expect(entity?.metadata).toEqual({
      name: 'payments',
      annotations: { 'dev.azure.com/project-slug': 'acme/shop/payments' },
    });
  });

  it('names the Component without a slug annotation on other hosts', () => {
    expect(generateComponentEntity('https://git.example.com/acme/payments')?.metadata).toEqual({
      name: 'payments',
    });
  });

  it('turns a repository name into a valid entity name', () => {
    expect(generateComponentEntity('https://git.example.com/acme/_my%20repo!_')?.metadata.name).toBe(
      'my-repo',
    );
  });

  it('proposes nothing for a URL that names no repository', () => {
    expect(generateComponentEntity('https://github.com/acme')).toBeUndefined();
    expect(generateComponentEntity('not a url')).toBeUndefined();
  });
});
