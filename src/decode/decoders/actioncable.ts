/**
 * Rails ActionCable (subprotocol `actioncable-v1-json`; AnyCable's `actioncable-v1-msgpack` carries
 * the same messages as MessagePack). Channel identifiers are JSON inside a string and are
 * unpacked to show the channel and its parameters.
 */
import type { DecodeInput, DecodeResult, Decoder } from '../types';
import { frameJson, isRecord, parseJson } from '../support/payload';
import { preview } from '../support/preview';
import { affinityFrom, fail, ok, withPairs } from '../support/result';
import { toTree } from '../support/tree';
import { decodeMsgpackValue } from './msgpack';

const SERVER_TYPES = new Set(['welcome', 'ping', 'confirm_subscription', 'reject_subscription', 'disconnect']);
const COMMANDS = new Set(['subscribe', 'unsubscribe', 'message', 'history']);
const KNOWN_KEYS = new Set(['type', 'message', 'identifier', 'command', 'data', 'reason', 'reconnect', 'sid', 'restored', 'stream_id', 'epoch', 'offset']);
const PROTOCOLS = ['actioncable-v1-json', 'actioncable-v1-msgpack', 'actioncable-v1-ext-json', 'actioncable-unsupported'];

export const actioncableDecoder: Decoder = {
  id: 'actioncable',
  label: 'ActionCable',
  affinity: (connection) => affinityFrom({ protocols: PROTOCOLS, url: /\/cable\b/i }, connection),
  decode(input, context) {
    const message = messageOf(input);
    if (!isRecord(message)) return context.guessing ? null : fail('actioncable', 'not a JSON or MessagePack object');
    if (context.guessing && Object.keys(message).some((k) => !KNOWN_KEYS.has(k))) return null;
    return describe(message) ?? (context.guessing ? null : fail('actioncable', 'neither a command, a server message nor a broadcast'));
  },
};

function messageOf(input: DecodeInput): unknown {
  if (input.text === null) {
    const decoded = decodeMsgpackValue(input.bytes);
    return decoded.ok ? decoded.value : null;
  }
  const json = frameJson(input);
  return json?.ok ? json.value : null;
}

function describe(message: Record<string, unknown>): DecodeResult {
  const tree = toTree(message) as Record<string, unknown>;
  const channel = typeof message.identifier === 'string' ? unpackIdentifier(message.identifier) : null;
  if (channel) tree.identifier = channel.raw;
  const where = channel ? ` ${channel.name}${channel.params ? ' ' + channel.params : ''}` : '';
  if (typeof message.command === 'string' && COMMANDS.has(message.command) && channel) {
    if (message.command !== 'message') {
      // subscribe → confirm_subscription | reject_subscription, by identifier.
      const result = ok('actioncable', `ActionCable ${message.command}${where}`, tree);
      return message.command === 'subscribe' ? withPairs(result, [{ family: 'actioncable', key: message.identifier as string, role: 'request', method: `subscribe ${channel.name}` }]) : result;
    }
    const data = typeof message.data === 'string' ? parseJson(message.data) : null;
    const action = data?.ok && isRecord(data.value) ? data.value : null;
    if (action) tree.data = toTree(action);
    const { action: name, ...args } = action ?? {};
    const what = name !== undefined ? `${String(name)} ${preview(toTree(args), 100)}` : preview(tree.data, 100);
    return ok('actioncable', `ActionCable perform ${channel.name} ${what}`, tree);
  }
  if (typeof message.type === 'string' && SERVER_TYPES.has(message.type)) {
    const extra = message.type === 'ping' ? (message.message === undefined ? '' : ` ${String(message.message)}`) : message.type === 'disconnect' ? ` ${String(message.reason ?? '')}${message.reconnect === false ? ' (no reconnect)' : ''}` : where;
    const result = ok('actioncable', `ActionCable ${message.type}${extra}`.trimEnd(), tree);
    const answer = message.type === 'confirm_subscription' || message.type === 'reject_subscription';
    return answer && typeof message.identifier === 'string' ? withPairs(result, [{ family: 'actioncable', key: message.identifier, role: 'response', ...(message.type === 'reject_subscription' && { error: true }) }]) : result;
  }
  if (channel && 'message' in message) {
    return ok('actioncable', `ActionCable broadcast ${channel.name} ${preview(toTree(message.message), 120)}`, tree);
  }
  return null;
}

/** `{"channel":"ChatChannel","room":"1"}` → ChatChannel and `{"room":"1"}`. */
function unpackIdentifier(identifier: string): { name: string; params?: string; raw: unknown } | null {
  const parsed = parseJson(identifier);
  if (!parsed.ok || !isRecord(parsed.value) || typeof parsed.value.channel !== 'string') return null;
  const { channel, ...params } = parsed.value;
  return { name: channel, raw: toTree(parsed.value), ...(Object.keys(params).length && { params: preview(toTree(params), 80) }) };
}
