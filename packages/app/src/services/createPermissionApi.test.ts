import { createPermissionApi } from './createPermissionApi';

const read = { id: 'catalog.entity.read', action: 'read', resourceType: 'catalog-entity' } as const;
const policyRead = { id: 'core.policy.read', action: 'read' } as const;

interface AuthorizeBody {
  items: Array<{ permission: { id: string }; resourceRef?: string }>;
}

/** A fake decision endpoint that allows what `allowed` names and records each request body. */
function decisionEndpoint(allowed: string[]) {
  const bodies: AuthorizeBody[] = [];
  const fetch = jest.fn(async (_input: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as AuthorizeBody;
    bodies.push(body);
    return Response.json({
      items: body.items.map((item) => ({
        allowed: allowed.includes(`${item.permission.id}${item.resourceRef ? `@${item.resourceRef}` : ''}`),
      })),
    });
  });
  return { fetch, bodies };
}

describe('createPermissionApi', () => {
  it('asks the questions of one tick in one request and answers each in order', async () => {
    const { fetch, bodies } = decisionEndpoint([
      'core.policy.read',
      'catalog.entity.read@component:default/a',
    ]);
    const api = createPermissionApi(fetch);
    const answers = await Promise.all([
      api.authorize({ permission: policyRead }),
      api.authorize({ permission: read, resourceRef: 'component:default/a' }),
      api.authorize({ permission: read, resourceRef: 'component:default/b' }),
    ]);
    expect(answers.map((a) => a.allowed)).toEqual([true, true, false]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/core/permissions/authorize');
    expect(bodies[0]?.items).toEqual([
      { permission: policyRead },
      { permission: read, resourceRef: 'component:default/a' },
      { permission: read, resourceRef: 'component:default/b' },
    ]);
  });

  it('answers a repeated question from its cache', async () => {
    const { fetch } = decisionEndpoint(['core.policy.read']);
    const api = createPermissionApi(fetch);
    await api.authorize({ permission: policyRead });
    await expect(api.authorize({ permission: { ...policyRead } })).resolves.toEqual({ allowed: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('rejects every question of a failed batch with the typed error, and asks again next time', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(
        Response.json({ error: { name: 'NotAllowedError', message: 'nope' } }, { status: 403 }),
      )
      .mockResolvedValueOnce(Response.json({ items: [{ allowed: true }] }));
    const api = createPermissionApi(fetch);
    await expect(api.authorize({ permission: policyRead })).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    await expect(api.authorize({ permission: policyRead })).resolves.toEqual({ allowed: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('asks again one by one when the server refuses the batch for one bad question', async () => {
    const fetch = jest.fn(async (_input: string, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as AuthorizeBody;
      if (body.items.some((item) => item.permission.id === 'nope.undeclared')) {
        return Response.json(
          { error: { name: 'InputError', message: "permission 'nope.undeclared' is not declared" } },
          { status: 400 },
        );
      }
      return Response.json({ items: body.items.map(() => ({ allowed: true })) });
    });
    const api = createPermissionApi(fetch);
    const [policy, undeclared] = await Promise.allSettled([
      api.authorize({ permission: policyRead }),
      api.authorize({ permission: { id: 'nope.undeclared', action: 'read' } }),
    ]);
    expect(policy).toEqual({ status: 'fulfilled', value: { allowed: true } });
    expect(undeclared).toMatchObject({ status: 'rejected', reason: { name: 'InputError' } });
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
