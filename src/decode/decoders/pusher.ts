/**
 * The Pusher Channels protocol (pusher.com/docs/channels/library_auth_reference/pusher-websockets-protocol),
 * also spoken by Laravel Reverb, Soketi and Laravel Echo: `{ event, channel?, data }`, where the
 * server sends `data` as a JSON string (unwrapped here) and the client as an object.
 * `pusher:*` events are the connection's, `pusher_internal:*` the channels', `client-*` whispers.
 */
import type { Decoder, PairHint } from '../types';
import { frameJson, isRecord, parseJson } from '../support/payload';
import { preview } from '../support/preview';
import { affinityFrom, fail, ok, withPairs } from '../support/result';
import { toTree } from '../support/tree';

/** `/app/<key>?protocol=7&client=js&version=8.4.0`. */
const URL_RULE = { url: /\/app\/[^/?]+\?(.*&)?protocol=\d/ };
/** Protocol §"Error codes" (pusher:error and close codes). */
const ERROR_CODES: Record<number, string> = {
  4000: 'SSL only', 4001: 'app does not exist', 4003: 'app disabled', 4004: 'over connection quota', 4005: 'path not found',
  4006: 'invalid version string', 4007: 'unsupported protocol version', 4008: 'no protocol version supplied', 4009: 'unauthorized',
  4100: 'over capacity', 4200: 'reconnect', 4201: 'pong not received', 4202: 'closed after inactivity', 4301: 'client event rate limit',
};

export const pusherDecoder: Decoder = {
  id: 'pusher',
  label: 'Pusher Channels',
  affinity: (connection) => affinityFrom(URL_RULE, connection),
  decode(input, context) {
    const json = frameJson(input);
    if (!json?.ok) return context.guessing ? null : fail('pusher', json ? json.error : 'not a JSON object');
    const m = json.value;
    if (!isRecord(m) || typeof m.event !== 'string') return context.guessing ? null : fail('pusher', 'a Pusher message is an object with an "event" string');
    if (m.channel !== undefined && typeof m.channel !== 'string') return context.guessing ? null : fail('pusher', '"channel" must be a string');
    if (context.guessing && !plausible(m)) return null;
    const event = m.event;
    const channel = m.channel as string | undefined;
    const data = unwrap(m.data);
    const tree: Record<string, unknown> = { event, ...(channel !== undefined && { channel }), data: toTree(data.value) };
    if (data.wasString) tree.dataEncoding = data.parsed ? 'JSON in a string (unwrapped)' : 'string';
    if (m.user_id !== undefined) tree.user_id = toTree(m.user_id);
    const parts = ['Pusher', event];
    const subject = channel ?? (isRecord(data.value) && typeof data.value.channel === 'string' ? data.value.channel : undefined);
    if (subject !== undefined) parts.push(subject);
    parts.push(detail(event, data.value));
    return withPairs(ok('pusher', parts.filter(Boolean).join(' '), tree), [pairOf(event, subject)]);
  },
};

/** Guessing: `pusher:`/`pusher_internal:` events, or an event with a channel and a data string. */
function plausible(m: Record<string, unknown>): boolean {
  if (Object.keys(m).some((k) => !['event', 'channel', 'data', 'user_id'].includes(k))) return false;
  const event = m.event as string;
  if (event.startsWith('pusher:') || event.startsWith('pusher_internal:')) return true;
  return typeof m.channel === 'string' && typeof m.data === 'string';
}

function unwrap(data: unknown): { value: unknown; wasString: boolean; parsed: boolean } {
  if (typeof data !== 'string') return { value: data, wasString: false, parsed: false };
  if (!/^\s*[[{"]/.test(data)) return { value: data, wasString: true, parsed: false };
  const parsed = parseJson(data);
  return parsed.ok ? { value: parsed.value, wasString: true, parsed: true } : { value: data, wasString: true, parsed: false };
}

function detail(event: string, data: unknown): string {
  if (event === 'pusher:error' && isRecord(data)) {
    const code = typeof data.code === 'number' ? data.code : null;
    const name = code !== null && ERROR_CODES[code] ? ` ${ERROR_CODES[code]}` : '';
    return `${code ?? ''}${name}${typeof data.message === 'string' ? `: ${data.message}` : ''}`.trim();
  }
  if (event === 'pusher:connection_established' && isRecord(data)) {
    return [`socket_id=${String(data.socket_id)}`, data.activity_timeout !== undefined ? `activity_timeout=${String(data.activity_timeout)}` : ''].filter(Boolean).join(' ');
  }
  if (isRecord(data)) {
    const rest = Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'channel' && k !== 'auth' && k !== 'channel_data'));
    const auth = typeof data.auth === 'string' && data.auth ? ' (auth)' : '';
    return Object.keys(rest).length ? preview(toTree(rest), 140) + auth : auth.trim();
  }
  return data === undefined || data === null ? '' : preview(toTree(data), 140);
}

/** subscribe → subscription_succeeded | subscription_error, keyed by channel; ping → pong; signin → signin_success. */
function pairOf(event: string, channel: string | undefined): PairHint | null {
  const family = 'pusher';
  switch (event) {
    case 'pusher:subscribe': return channel ? { family, key: channel, role: 'request', method: 'subscribe' } : null;
    case 'pusher_internal:subscription_succeeded': return channel ? { family, key: channel, role: 'response' } : null;
    case 'pusher:subscription_error': return channel ? { family, key: channel, role: 'response', error: true } : null;
    case 'pusher:ping': return { family, key: 'ping', role: 'request', method: 'ping' };
    case 'pusher:pong': return { family, key: 'ping', role: 'response' };
    case 'pusher:signin': return { family, key: 'signin', role: 'request', method: 'signin' };
    case 'pusher:signin_success': return { family, key: 'signin', role: 'response' };
    default: return null;
  }
}
