/**
 * SockJS over its raw WebSocket transport (`…/<server>/<session>/websocket`). The server sends
 * `o` (open), `h` (heartbeat), `a["msg",…]` (messages), `m"msg"` and `c[code,"reason"]` (close);
 * the client sends a JSON array of strings. Each message is decoded again by content, which is
 * how STOMP over SockJS shows up as STOMP.
 */
import type { DecodeContext, DecodeResult, Decoder, PairHint } from '../types';
import { parseJson } from '../support/payload';
import { preview } from '../support/preview';
import { affinityFrom, fail, ok, withPairs } from '../support/result';
import { toTree } from '../support/tree';

const MAX_MESSAGES = 1000;

export const sockjsDecoder: Decoder = {
  id: 'sockjs',
  label: 'SockJS',
  affinity: (connection) => affinityFrom({ url: /sockjs|\/\d+\/[^/]+\/websocket\/?$/i }, connection),
  decode(input, context) {
    const text = input.text;
    if (text === null) return context.guessing ? null : fail('sockjs', 'SockJS frames are text; this is a binary frame');
    if (text === 'o') return context.guessing ? null : ok('sockjs', 'SockJS open', { frame: 'open' });
    if (text === 'h') return context.guessing ? null : ok('sockjs', 'SockJS heartbeat', { frame: 'heartbeat' });
    const kind = text[0];
    if (kind === 'c') return close(text.slice(1), context);
    if (kind === 'a' || kind === 'm') return messages(text.slice(1), kind === 'm', context);
    if (kind === '[' && !context.guessing) return messages(text, false, context); // client → server
    return context.guessing ? null : fail('sockjs', `unknown SockJS frame type ${JSON.stringify(kind ?? '')} at position 0`);
  },
};

function close(body: string, context: DecodeContext): DecodeResult {
  const parsed = parseJson(body);
  const value = parsed.ok ? parsed.value : null;
  if (!Array.isArray(value) || typeof value[0] !== 'number' || typeof value[1] !== 'string') {
    return context.guessing ? null : fail('sockjs', `close frame needs [code, "reason"] at position 1${parsed.ok ? '' : ': ' + parsed.error}`);
  }
  return ok('sockjs', `SockJS close ${value[0]} ${JSON.stringify(value[1])}`, { frame: 'close', code: value[0], reason: value[1] });
}

function messages(body: string, single: boolean, context: DecodeContext): DecodeResult {
  const parsed = parseJson(body);
  const list = parsed.ok ? (single ? [parsed.value] : parsed.value) : null;
  if (!Array.isArray(list) || list.length === 0 || !list.every((m) => typeof m === 'string')) {
    return context.guessing ? null : fail('sockjs', `expected a JSON array of strings at position 1${parsed.ok ? '' : ': ' + parsed.error}`);
  }
  const shown = (list as string[]).slice(0, MAX_MESSAGES);
  const decoded = shown.map((m) => context.decodeInner(m));
  const first = decoded[0];
  const what = first?.ok ? first.summary : preview(shown[0], 150);
  const count = list.length > 1 ? `${list.length} messages: ` : '';
  const tree = { frame: 'messages', messages: shown, decoded: decoded.map((d) => (d?.ok ? { format: d.format, summary: d.summary, tree: d.tree } : null)) };
  const result = ok('sockjs', `SockJS ${count}${what}`, toTree(tree), list.length === 1 ? first : null);
  // One message: its hints travel in `nested`. Several: gathered here, so pairing sees them all.
  return list.length === 1 ? result : withPairs(result, decoded.flatMap((d): PairHint[] => (d?.ok ? d.pairs ?? [] : [])));
}
