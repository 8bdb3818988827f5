import type { Credentials } from '../backend/services/AuthService';
import { definePermission } from '../common/permissions/definePermission';
import { createFakePermissions } from './createFakePermissions';

const credentials: Credentials = { principal: { type: 'none' } };
const readItem = definePermission({ id: 'todo.item.read', action: 'read', resourceType: 'todo-item' });
const deleteItem = definePermission({ id: 'todo.item.delete', action: 'delete' });

describe('createFakePermissions', () => {
  it('allows everything by default and records each question', async () => {
    const permissions = createFakePermissions();
    await expect(permissions.authorize(credentials, readItem, { resourceRef: 'item-1' })).resolves.toEqual({
      result: 'allow',
    });
    expect(permissions.questions).toEqual([
      { credentials, permission: readItem, resource: { resourceRef: 'item-1' } },
    ]);
  });

  it('answers with the decider given', async () => {
    const permissions = createFakePermissions(async ({ permission }) =>
      permission.action === 'delete' ? 'deny' : 'allow',
    );
    expect((await permissions.authorize(credentials, deleteItem)).result).toBe('deny');
    expect((await permissions.authorize(credentials, readItem)).result).toBe('allow');
  });

  it('records registered permissions', () => {
    const permissions = createFakePermissions();
    permissions.register([readItem, deleteItem]);
    expect(permissions.registered).toEqual([readItem, deleteItem]);
  });
});
