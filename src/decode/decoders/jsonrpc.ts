/**
 * JSON-RPC 2.0 (jsonrpc.org/specification): requests, notifications, results, errors with their
 * code names, batches (§6). Also the envelopes built on it: tRPC's WebSocket link (`method`
 * query | mutation | subscription | subscription.stop, `params: { path, input }`, results typed
 * data | started | stopped, with or without `"jsonrpc":"2.0"`) and Ethereum's `eth_subscription`
 * notifications (`params: { subscription, result }`), and rpc-websockets' events, which leave
 * JSON-RPC for `{"notification": name, "params": …}`.
 */
import type { Decoder, DecodeResult, PairHint } from '../types';
import { frameJson, isRecord } from '../support/payload';
import { preview } from '../support/preview';
import { affinityFrom, fail, ok, withPairs } from '../support/result';
import { toTree } from '../support/tree';

/** §5.1, and the -32000…-32099 range reserved for implementations. */
const ERROR_NAMES: Record<number, string> = {
  [-32700]: 'Parse error', [-32600]: 'Invalid Request', [-32601]: 'Method not found', [-32602]: 'Invalid params', [-32603]: 'Internal error',
};
const TRPC_METHODS = new Set(['query', 'mutation', 'subscription', 'subscription.stop']);
const TRPC_RESULTS = new Set(['data', 'started', 'stopped']);
const KEYS = new Set(['jsonrpc', 'id', 'method', 'params', 'result', 'error']);
const MAX_BATCH = 1000;

type Message = Record<string, unknown>;
interface Described { summary: string; tree: unknown; pair: PairHint | null }

export const jsonrpcDecoder: Decoder = {
  id: 'jsonrpc',
  label: 'JSON-RPC 2.0',
  affinity: (connection) => affinityFrom({ protocols: ['jsonrpc', 'json-rpc', 'jsonrpc-2.0', 'trpc'], url: /trpc|json-?rpc/i }, connection),
  decode(input, context) {
    const json = frameJson(input);
    if (!json?.ok) return context.guessing ? null : fail('jsonrpc', json ? json.error : 'not a JSON object or array');
    const batch = Array.isArray(json.value);
    const messages = batch ? (json.value as unknown[]) : [json.value];
    if (messages.length === 0) return context.guessing ? null : fail('jsonrpc', 'empty batch (§6: an empty array is an Invalid Request)');
    const described: Described[] = [];
    for (const [i, message] of messages.slice(0, MAX_BATCH).entries()) {
      const problem = shapeProblem(message, context.guessing);
      if (problem) return context.guessing ? null : fail('jsonrpc', batch ? `batch item ${i}: ${problem}` : problem);
      described.push(describe(message as Message));
    }
    return result(described, batch, messages.length);
  },
};

function result(described: Described[], batch: boolean, total: number): DecodeResult {
  const pairs = described.map((d) => d.pair);
  if (!batch) return withPairs(ok('jsonrpc', `JSON-RPC ${described[0].summary}`, described[0].tree), pairs);
  const summary = `JSON-RPC batch of ${total}: ${described.map((d) => d.summary).join(' · ')}`;
  return withPairs(ok('jsonrpc', summary, described.map((d) => d.tree)), pairs);
}

/** What keeps a value from being a JSON-RPC message; guessing also wants the version or a tRPC shape. */
function shapeProblem(message: unknown, guessing: boolean): string | null {
  if (!isRecord(message)) return 'message is not an object';
  if (isRpcWebsocketsEvent(message)) return null;
  const { jsonrpc, id, method, result, error } = message;
  if (jsonrpc !== undefined && jsonrpc !== '2.0') return `"jsonrpc" must be "2.0", not ${JSON.stringify(toTree(jsonrpc))}`;
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') return '"id" must be a string, number or null';
  const kinds = [method !== undefined, result !== undefined, error !== undefined].filter(Boolean).length;
  if (kinds !== 1) return 'a message has exactly one of "method", "result" and "error"';
  if (method !== undefined && typeof method !== 'string') return '"method" must be a string';
  if (error !== undefined && !(isRecord(error) && typeof error.code === 'number')) return '"error" must be an object with a numeric "code"';
  if (guessing) {
    if (Object.keys(message).some((k) => !KEYS.has(k))) return 'other keys';
    if (jsonrpc !== '2.0' && !isTrpc(message)) return 'no "jsonrpc": "2.0"';
  }
  return null;
}

function isRpcWebsocketsEvent(m: Message): boolean {
  return typeof m.notification === 'string' && Object.keys(m).every((k) => k === 'notification' || k === 'params');
}

function isTrpc(m: Message): boolean {
  if (m.method === 'reconnect' && m.id === null) return true; // the server's broadcastReconnectNotification
  if (typeof m.method === 'string') return TRPC_METHODS.has(m.method) && m.id !== undefined && (m.method === 'subscription.stop' || (isRecord(m.params) && typeof m.params.path === 'string'));
  return m.id !== undefined && isRecord(m.result) && TRPC_RESULTS.has(m.result.type as string);
}

function describe(m: Message): Described {
  const tree = toTree(m) as Record<string, unknown>;
  const hasId = m.id !== undefined && m.id !== null;
  const key = hasId ? JSON.stringify(m.id) : '';
  const idText = hasId ? `#${typeof m.id === 'string' ? m.id : String(m.id)}` : '';
  if (isRpcWebsocketsEvent(m)) {
    tree.kind = 'event (rpc-websockets)';
    return { summary: ['event', m.notification as string, m.params === undefined ? '' : preview(toTree(m.params), 150)].join(' ').trimEnd(), tree, pair: null };
  }
  if (typeof m.method === 'string') return request(m, tree, hasId ? key : null, idText);
  if (m.error !== undefined) {
    const error = m.error as Message;
    tree.kind = 'error';
    const name = errorName(error);
    const data = error.data !== undefined && (typeof error.data !== 'object' || !name) ? ` (${preview(toTree(error.data), 80)})` : '';
    const message = (typeof error.message === 'string' && error.message !== name ? `: ${error.message}` : '') + data;
    return { summary: [`error ${idText}`.trimEnd(), `${error.code as number}${name ? ` ${name}` : ''}${message}`].join(' '), tree, pair: hasId ? { family: 'jsonrpc', key, role: 'response', error: true } : null };
  }
  tree.kind = 'result';
  const result = m.result;
  if (isRecord(result) && TRPC_RESULTS.has(result.type as string)) {
    const type = result.type as string;
    const data = result.data !== undefined ? ' ' + preview(toTree(result.data), 140) : '';
    const role = type === 'stopped' ? 'end' : 'stream';
    return { summary: `result ${idText} ${type}${data}`, tree, pair: hasId ? { family: 'jsonrpc', key, role } : null };
  }
  return { summary: `result ${idText} ${preview(toTree(result), 150)}`, tree, pair: hasId ? { family: 'jsonrpc', key, role: 'response' } : null };
}

function request(m: Message, tree: Record<string, unknown>, key: string | null, idText: string): Described {
  const method = m.method as string;
  const params = m.params;
  tree.kind = key === null ? 'notification' : 'request';
  const parts = [method];
  let pairMethod = method;
  if (TRPC_METHODS.has(method) && isRecord(params) && typeof params.path === 'string') {
    parts.push(params.path);
    pairMethod = `${method} ${params.path}`;
    if (params.input !== undefined) parts.push(preview(toTree(params.input), 120));
  } else if (method === 'eth_subscription' && isRecord(params) && params.subscription !== undefined) {
    parts.push(String(params.subscription), preview(toTree(params.result), 120));
  } else if (params !== undefined) {
    parts.push(preview(toTree(params), 150));
  }
  if (idText) parts.splice(1, 0, idText);
  else parts.unshift('notification');
  if (key === null) return { summary: parts.join(' '), tree, pair: null };
  if (method === 'subscription.stop') return { summary: parts.join(' '), tree, pair: { family: 'jsonrpc', key, role: 'end', by: 'requester' } };
  const pair: PairHint = { family: 'jsonrpc', key, role: 'request', method: pairMethod };
  if (method === 'subscription') pair.stream = true;
  return { summary: parts.join(' '), tree, pair };
}

/** The spec's name for the code, or tRPC's (`error.data.code`), or "server error" for -32000…-32099. */
function errorName(error: Message): string {
  const code = error.code as number;
  if (isRecord(error.data) && typeof error.data.code === 'string') return error.data.code;
  if (ERROR_NAMES[code]) return ERROR_NAMES[code];
  return code <= -32000 && code >= -32099 ? 'Server error' : '';
}
