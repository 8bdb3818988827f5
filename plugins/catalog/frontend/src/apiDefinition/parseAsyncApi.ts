import type {
  AsyncApiChannel,
  AsyncApiChannels,
  AsyncApiMessage,
  AsyncApiOperation,
} from './AsyncApiChannels';
import { asRecord } from './asRecord';
import { refOf, resolveRef } from './resolveRef';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function messageOf(doc: unknown, raw: unknown, fallbackName: string): AsyncApiMessage {
  const message = asRecord(resolveRef(doc, raw));
  // Traits (2.x and 3.x) add headers and the like; the message's own fields win.
  const traits = Array.isArray(message.traits)
    ? message.traits.map((trait) => asRecord(resolveRef(doc, trait)))
    : [];
  const merged = Object.assign({}, ...traits, message) as Record<string, unknown>;
  const refName = refOf(raw)?.split('/').pop();
  return {
    name: text(merged.name) ?? text(merged.messageId) ?? refName ?? fallbackName,
    ...(text(merged.title) ? { title: text(merged.title) } : {}),
    ...(text(merged.summary) ? { summary: text(merged.summary) } : {}),
    ...(text(merged.contentType) ? { contentType: text(merged.contentType) } : {}),
    ...(merged.payload !== undefined ? { payload: merged.payload } : {}),
    ...(merged.headers !== undefined ? { headers: merged.headers } : {}),
  };
}

function messagesOf(doc: unknown, raw: unknown): AsyncApiMessage[] {
  if (raw === undefined) {
    return [];
  }
  if (Array.isArray(raw)) {
    return raw.map((m, i) => messageOf(doc, m, `message ${i + 1}`));
  }
  const resolved = asRecord(resolveRef(doc, raw));
  if (Array.isArray(resolved.oneOf)) {
    return resolved.oneOf.map((m, i) => messageOf(doc, m, `message ${i + 1}`));
  }
  return [messageOf(doc, raw, 'message')];
}

function operationOf(
  doc: unknown,
  action: string,
  raw: unknown,
  messages: AsyncApiMessage[],
): AsyncApiOperation {
  const operation = asRecord(resolveRef(doc, raw));
  return {
    action,
    ...(text(operation.operationId) ? { operationId: text(operation.operationId) } : {}),
    ...(text(operation.summary) ? { summary: text(operation.summary) } : {}),
    ...(text(operation.description) ? { description: text(operation.description) } : {}),
    messages,
  };
}

function channels2(doc: unknown, root: Record<string, unknown>): AsyncApiChannel[] {
  return Object.entries(asRecord(root.channels)).map(([name, rawChannel]) => {
    const channel = asRecord(resolveRef(doc, rawChannel));
    return {
      name,
      ...(text(channel.description) ? { description: text(channel.description) } : {}),
      operations: (['publish', 'subscribe'] as const)
        .filter((action) => channel[action] !== undefined)
        .map((action) =>
          operationOf(doc, action, channel[action], messagesOf(doc, asRecord(channel[action]).message)),
        ),
    };
  });
}

function channels3(doc: unknown, root: Record<string, unknown>): AsyncApiChannel[] {
  const operations = Object.entries(asRecord(root.operations)).map(([id, rawOperation]) => ({
    id,
    raw: asRecord(resolveRef(doc, rawOperation)),
  }));
  return Object.entries(asRecord(root.channels)).map(([name, rawChannel]) => {
    const channel = asRecord(resolveRef(doc, rawChannel));
    const own = operations.filter(({ raw }) => refOf(raw.channel) === `#/channels/${name}`);
    const channelMessages = Object.entries(asRecord(channel.messages)).map(([key, m]) =>
      messageOf(doc, m, key),
    );
    return {
      name,
      ...(text(channel.address) ? { address: text(channel.address) } : {}),
      ...(text(channel.description) ? { description: text(channel.description) } : {}),
      operations: own.map(({ id, raw }) =>
        operationOf(
          doc,
          text(raw.action) ?? 'send',
          { operationId: id, ...raw },
          Array.isArray(raw.messages) && raw.messages.length > 0
            ? messagesOf(doc, raw.messages)
            : channelMessages,
        ),
      ),
      ...(own.length === 0 && channelMessages.length > 0
        ? { operations: [{ action: 'messages', messages: channelMessages }] }
        : {}),
    };
  });
}

/**
 * Reads the channels of an AsyncAPI 2.x or 3.x document, each with its
 * operations and their messages (`oneOf` lists, `$ref`s and message traits
 * followed). Payload schemas are left for the schema view.
 *
 * @example
 * parseAsyncApi(doc).channels[0] // { name: 'orders.order-events.v1', operations: [{ action: 'subscribe', … }] }
 */
export function parseAsyncApi(doc: unknown): AsyncApiChannels {
  const root = asRecord(doc);
  const info = asRecord(root.info);
  const isV3 = String(root.asyncapi ?? '').startsWith('3');
  return {
    ...(text(info.title) ? { title: text(info.title) } : {}),
    ...(text(info.version) ? { version: text(info.version) } : {}),
    ...(text(info.description) ? { description: text(info.description) } : {}),
    servers: Object.entries(asRecord(root.servers)).map(([name, raw]) => {
      const server = asRecord(raw);
      const url = text(server.url) ?? `${text(server.host) ?? ''}${text(server.pathname) ?? ''}`;
      return { name, url, ...(text(server.protocol) ? { protocol: text(server.protocol) } : {}) };
    }),
    channels: isV3 ? channels3(doc, root) : channels2(doc, root),
  };
}
