import {
  type FetchFn,
  fromErrorResponse,
  InputError,
  type PermissionApi,
  type PermissionRequest,
} from '@atrium/plugin-api/frontend';

interface Pending {
  request: PermissionRequest;
  resolve: (answer: { allowed: boolean }) => void;
  reject: (error: unknown) => void;
}

const cacheKey = ({ permission, resourceRef }: PermissionRequest) =>
  JSON.stringify([permission.id, permission.action, permission.resourceType ?? '', resourceRef ?? '']);

/**
 * The shell's {@link PermissionApi}: questions asked in the same tick go to
 * `POST /api/core/permissions/authorize` as one request, and each answer is
 * cached for the life of this object (the shell makes one per session). A
 * failed question is not cached, so asking again retries; a batch the server
 * refuses as malformed is asked again one question at a time.
 */
export function createPermissionApi(fetch: FetchFn): PermissionApi {
  const answers = new Map<string, Promise<{ allowed: boolean }>>();
  let queue: Pending[] = [];

  const ask = async (batch: Pending[]) => {
    const response = await fetch('/api/core/permissions/authorize', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        items: batch.map(({ request }) => ({
          permission: request.permission,
          ...(request.resourceRef ? { resourceRef: request.resourceRef } : {}),
        })),
      }),
    });
    if (!response.ok) {
      throw await fromErrorResponse(response);
    }
    const { items } = (await response.json()) as { items: Array<{ allowed: boolean }> };
    batch.forEach((pending, index) => {
      pending.resolve({ allowed: items[index]?.allowed === true });
    });
  };
  const fail = (pending: Pending, error: unknown) => {
    answers.delete(cacheKey(pending.request));
    pending.reject(error);
  };

  const flush = async () => {
    const batch = queue;
    queue = [];
    try {
      await ask(batch);
    } catch (error) {
      if (error instanceof InputError && batch.length > 1) {
        // The server refuses a whole batch for one bad question (e.g. an undeclared
        // permission): ask each alone so the others still get their answer.
        await Promise.all(batch.map((pending) => ask([pending]).catch((e: unknown) => fail(pending, e))));
        return;
      }
      for (const pending of batch) {
        fail(pending, error);
      }
    }
  };

  return {
    authorize(request) {
      const key = cacheKey(request);
      const cached = answers.get(key);
      if (cached) {
        return cached;
      }
      const answer = new Promise<{ allowed: boolean }>((resolve, reject) => {
        if (queue.length === 0) {
          // A macrotask, not a microtask: every component rendered in this commit asks first.
          setTimeout(() => void flush(), 0);
        }
        queue.push({ request, resolve, reject });
      });
      answers.set(key, answer);
      return answer;
    },
  };
}
