/**
 * GraphQL over WebSocket: `graphql-transport-ws` (the graphql-ws library) and the legacy
 * subscriptions-transport-ws protocol, whose subprotocol is confusingly named `graphql-ws`.
 * Every message is a JSON object `{ type, id?, payload? }`.
 */
import type { Decoder, DecodeResult, PairHint } from '../types';
import type { Direction } from '../../protocol/capture';
import { findOperation } from '../support/graphql-operation';
import { frameJson, isRecord } from '../support/payload';
import { preview } from '../support/preview';
import { affinityFrom, fail, ok, withPairs } from '../support/result';
import { toTree } from '../support/tree';

const TRANSPORT_WS = new Set(['connection_init', 'connection_ack', 'ping', 'pong', 'subscribe', 'next', 'error', 'complete']);
const LEGACY = new Set(['connection_init', 'connection_ack', 'connection_error', 'ka', 'start', 'data', 'error', 'complete', 'stop', 'connection_terminate']);
const OPERATION_START = new Set(['subscribe', 'start']);
const RESULT = new Set(['next', 'data']);

export const graphqlDecoder: Decoder = {
  id: 'graphql',
  label: 'GraphQL over WebSocket',
  affinity: (connection) => affinityFrom({ protocols: ['graphql-transport-ws', 'graphql-ws'], url: /graphql/i }, connection),
  decode(input, context) {
    const json = frameJson(input);
    if (!json?.ok) return context.guessing ? null : fail('graphql', json ? json.error : 'not a JSON object');
    const message = json.value;
    if (!isRecord(message) || typeof message.type !== 'string') return context.guessing ? null : fail('graphql', 'message has no "type"');
    const protocol = protocolOf(message.type, input.connection.protocol);
    if (!protocol) return context.guessing ? null : fail('graphql', `unknown message type ${JSON.stringify(message.type)}`);
    if (context.guessing && Object.keys(message).some((k) => k !== 'type' && k !== 'id' && k !== 'payload')) return null;
    return describe(message, protocol, input.dir);
  },
};

function protocolOf(type: string, negotiated: string): string | null {
  if (negotiated === 'graphql-ws') return LEGACY.has(type) ? 'subscriptions-transport-ws' : null;
  if (negotiated === 'graphql-transport-ws') return TRANSPORT_WS.has(type) ? 'graphql-transport-ws' : null;
  if (TRANSPORT_WS.has(type)) return 'graphql-transport-ws';
  return LEGACY.has(type) ? 'subscriptions-transport-ws' : null;
}

function describe(message: Record<string, unknown>, protocol: string, dir: Direction): DecodeResult {
  const type = message.type as string;
  const payload = message.payload;
  const parts = ['GraphQL', type];
  if (message.id !== undefined) parts.push(String(message.id));
  const tree: Record<string, unknown> = { protocol, ...(toTree(message) as Record<string, unknown>) };
  let method = '';
  if (OPERATION_START.has(type) && isRecord(payload)) {
    const query = typeof payload.query === 'string' ? payload.query : '';
    const operation = findOperation(query, typeof payload.operationName === 'string' ? payload.operationName : undefined);
    if (operation) {
      parts.push(operation.type);
      if (operation.name) parts.push(operation.name);
      tree.operation = operation;
      method = [operation.type, operation.name].filter(Boolean).join(' ');
    }
    if (isRecord(payload.variables) && Object.keys(payload.variables).length) parts.push(preview(toTree(payload.variables), 80));
  } else if (type === 'error' || type === 'connection_error') {
    parts.push(errorText(payload));
  } else if (RESULT.has(type) && isRecord(payload) && Array.isArray(payload.errors) && payload.data == null) {
    parts.push(`errors: ${errorText(payload.errors)}`);
  } else if (payload !== undefined && payload !== null) {
    parts.push(preview(toTree(payload), 150));
  }
  return withPairs(ok('graphql', parts.join(' '), tree), [pairOf(message, dir, method)]);
}

/**
 * subscribe/start → next/data* → complete (either side may complete; the client's `stop` too),
 * or an error, which ends the operation; ping → pong; connection_init → connection_ack/error.
 */
function pairOf(message: Record<string, unknown>, dir: Direction, method: string): PairHint | null {
  const type = message.type as string;
  const family = 'graphql';
  const id = typeof message.id === 'string' || typeof message.id === 'number' ? String(message.id) : null;
  const payload = message.payload;
  if (id !== null) {
    if (OPERATION_START.has(type)) return { family, key: id, role: 'request', method: method || 'operation', stream: true };
    if (RESULT.has(type)) return { family, key: id, role: 'stream', ...(isRecord(payload) && Array.isArray(payload.errors) && { error: true }) };
    if (type === 'error') return { family, key: id, role: 'response', error: true };
    if (type === 'complete' || type === 'stop') return { family, key: id, role: 'end', ...(dir === 'sent' && { by: 'requester' as const }) };
  }
  if (type === 'ping') return { family, key: 'ping', role: 'request', method: 'ping' };
  if (type === 'pong') return { family, key: 'ping', role: 'response' };
  if (type === 'connection_init') return { family, key: 'connection', role: 'request', method: 'connection_init' };
  if (type === 'connection_ack' || type === 'connection_error') return { family, key: 'connection', role: 'response', ...(type === 'connection_error' && { error: true }) };
  return null;
}

/** The first error's message, from `[{ message }]`, `{ message }` or a string. */
function errorText(errors: unknown): string {
  const first = Array.isArray(errors) ? errors[0] : errors;
  if (isRecord(first) && typeof first.message === 'string') return first.message + (Array.isArray(errors) && errors.length > 1 ? ` (+${errors.length - 1} more)` : '');
  return preview(toTree(first), 120);
}
