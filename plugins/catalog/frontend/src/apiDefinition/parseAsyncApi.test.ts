import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAsyncApi } from './parseAsyncApi';
import { parseDefinitionDocument } from './parseDefinitionDocument';

describe('parseAsyncApi', () => {
  it('lists the channels of the demo order events with their messages and traits', async () => {
    const text = readFileSync(join(__dirname, '../../../../../demo/apis/order-events.asyncapi.yaml'), 'utf8');
    const api = parseAsyncApi(await parseDefinitionDocument(text));
    expect(api).toMatchObject({ title: 'Order Events', version: '1.3.0' });
    expect(api.servers).toEqual([
      { name: 'production', url: 'kafka-main.internal.acme-retail.example:9096', protocol: 'kafka-secure' },
    ]);
    const [channel] = api.channels;
    expect(channel?.name).toBe('orders.order-events.v1');
    expect(channel?.operations.map((o) => [o.action, o.operationId])).toEqual([
      ['subscribe', 'receiveOrderEvent'],
    ]);
    const messages = channel?.operations[0]?.messages ?? [];
    expect(messages.map((m) => m.name)).toEqual([
      'OrderPlaced',
      'OrderPaid',
      'OrderShipped',
      'OrderCancelled',
    ]);
    expect(messages[0]).toMatchObject({
      title: 'Order placed',
      payload: { $ref: '#/components/schemas/OrderPlacedPayload' },
      headers: { type: 'object', required: ['eventType', 'eventId'] },
    });
  });

  it('reads AsyncAPI 3 operations that point at their channel', () => {
    const api = parseAsyncApi({
      asyncapi: '3.0.0',
      channels: {
        userSignedUp: {
          address: 'user/signedup',
          messages: { UserSignedUp: { payload: { type: 'object' } } },
        },
      },
      operations: {
        onUserSignUp: {
          action: 'receive',
          channel: { $ref: '#/channels/userSignedUp' },
          summary: 'React to sign-ups',
        },
      },
    });
    expect(api.channels).toEqual([
      {
        name: 'userSignedUp',
        address: 'user/signedup',
        operations: [
          {
            action: 'receive',
            operationId: 'onUserSignUp',
            summary: 'React to sign-ups',
            messages: [{ name: 'UserSignedUp', payload: { type: 'object' } }],
          },
        ],
      },
    ]);
  });
});
