import type { Request } from 'express';
import { AuthenticationError } from '../common/errors/AuthenticationError';
import { createFakeAuth } from './createFakeAuth';

const req = { method: 'GET', originalUrl: '/api/todo/items' } as Request;

describe('createFakeAuth', () => {
  it('attributes requests to the test user by default', () => {
    expect(createFakeAuth().userCredentials(req).principal).toEqual({
      type: 'user',
      userEntityRef: 'user:default/test-user',
      ownershipEntityRefs: ['user:default/test-user'],
      roles: [],
      via: 'token',
    });
  });

  it('returns the principal it was given', () => {
    const principal = {
      type: 'user' as const,
      userEntityRef: 'user:default/jane',
      ownershipEntityRefs: ['user:default/jane', 'group:default/team-a'],
      roles: ['admin'],
      via: 'session' as const,
    };
    expect(createFakeAuth(principal).credentials(req)).toEqual({ principal });
  });

  it('refuses user credentials for an anonymous caller with an AuthenticationError', () => {
    const auth = createFakeAuth({ type: 'none' });
    expect(auth.credentials(req)).toEqual({ principal: { type: 'none' } });
    expect(() => auth.userCredentials(req)).toThrow(AuthenticationError);
  });
});
