/** One message an operation sends or receives. */
export interface AsyncApiMessage {
  name: string;
  title?: string;
  summary?: string;
  contentType?: string;
  payload?: unknown;
  headers?: unknown;
}

/** What an application does on a channel: publish/subscribe (2.x) or send/receive (3.x). */
export interface AsyncApiOperation {
  action: string;
  operationId?: string;
  summary?: string;
  description?: string;
  messages: AsyncApiMessage[];
}

/** One channel (a topic, queue or subject) and what happens on it. */
export interface AsyncApiChannel {
  name: string;
  address?: string;
  description?: string;
  operations: AsyncApiOperation[];
}

/** What the AsyncAPI view shows of a document. */
export interface AsyncApiChannels {
  title?: string;
  version?: string;
  description?: string;
  servers: Array<{ name: string; url: string; protocol?: string }>;
  channels: AsyncApiChannel[];
}
