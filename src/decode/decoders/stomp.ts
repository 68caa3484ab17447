/**
 * STOMP 1.0–1.2 (subprotocols `v10.stomp`, `v11.stomp`, `v12.stomp`): `COMMAND`, header lines, a
 * blank line, the body, NUL. A message may hold several frames; a lone end-of-line is a heart-beat.
 * Also found inside SockJS messages, where it is recognised by content.
 */
import type { DecodeContext, DecodeResult, Decoder, PairHint } from '../types';
import { ReadError } from '../support/byte-reader';
import { byteCount, textPreview } from '../support/preview';
import { affinityFrom, failFrom, fail, ok, withPairs } from '../support/result';
import { bytesLeaf, setKey } from '../support/tree';
import { decodeUtf8, looksLikeText } from '../support/utf8';

const COMMANDS = new Set(['CONNECT', 'STOMP', 'CONNECTED', 'SEND', 'SUBSCRIBE', 'UNSUBSCRIBE', 'BEGIN', 'COMMIT', 'ABORT', 'ACK', 'NACK', 'DISCONNECT', 'MESSAGE', 'RECEIPT', 'ERROR']);
/** Headers shown in the summary per command; the first is shown without its name. */
const SUMMARY_HEADERS: Record<string, string[]> = {
  CONNECT: ['login', 'host', 'accept-version', 'heart-beat'], STOMP: ['login', 'host', 'accept-version', 'heart-beat'],
  CONNECTED: ['version', 'heart-beat', 'session', 'server'], SEND: ['destination', 'transaction'],
  SUBSCRIBE: ['destination', 'id', 'ack'], UNSUBSCRIBE: ['id'], ACK: ['id', 'message-id', 'transaction'], NACK: ['id', 'message-id', 'transaction'],
  BEGIN: ['transaction'], COMMIT: ['transaction'], ABORT: ['transaction'], DISCONNECT: ['receipt'],
  MESSAGE: ['destination', 'subscription', 'message-id'], RECEIPT: ['receipt-id'], ERROR: ['message'],
};
const MAX_FRAMES = 1000;
const ESCAPES: Record<string, string> = { r: '\r', n: '\n', c: ':', '\\': '\\' };

interface StompFrame { command: string; headers: [string, string][]; body: Uint8Array }

export const stompDecoder: Decoder = {
  id: 'stomp',
  label: 'STOMP',
  affinity: (connection) => affinityFrom({ protocols: ['v10.stomp', 'v11.stomp', 'v12.stomp', 'stomp'], url: /stomp/i }, connection),
  decode(input, context) {
    if (context.guessing && !startsWithCommand(input.bytes)) return null;
    let parsed: { frames: StompFrame[]; heartbeats: number };
    try {
      parsed = parseFrames(input.bytes);
    } catch (e) {
      return context.guessing ? null : failFrom('stomp', e);
    }
    if (parsed.frames.length === 0) {
      return parsed.heartbeats > 0 && !context.guessing ? ok('stomp', 'STOMP heart-beat', { heartbeat: true }) : context.guessing ? null : fail('stomp', 'empty frame');
    }
    return describe(parsed.frames, context);
  },
};

function describe(frames: StompFrame[], context: DecodeContext): DecodeResult {
  const trees = frames.map(frameTree);
  const first = frames[0];
  const more = frames.length > 1 ? ` (+${frames.length - 1} more frame${frames.length > 2 ? 's' : ''})` : '';
  const inner = frames.length === 1 && first.body.length > 0 ? context.decodeInner(bodyPayload(first.body)) : null;
  return withPairs(ok('stomp', `STOMP ${frameSummary(first)}${more}`, trees.length === 1 ? trees[0] : trees, inner), frames.map(pairOf));
}

/** A frame asking for a receipt and its RECEIPT (or an ERROR naming it); CONNECT and CONNECTED. */
function pairOf(frame: StompFrame): PairHint | null {
  const header = (name: string) => frame.headers.find(([k]) => k === name)?.[1];
  const family = 'stomp';
  if (frame.command === 'CONNECT' || frame.command === 'STOMP') return { family, key: 'connect', role: 'request', method: frame.command };
  if (frame.command === 'CONNECTED') return { family, key: 'connect', role: 'response' };
  const receipt = header('receipt');
  if (receipt !== undefined && frame.command !== 'RECEIPT') return { family, key: receipt, role: 'request', method: frame.command };
  const receiptId = header('receipt-id');
  if (frame.command === 'RECEIPT' && receiptId !== undefined) return { family, key: receiptId, role: 'response' };
  if (frame.command === 'ERROR') return { family, key: receiptId ?? 'connect', role: 'response', error: true };
  return null;
}

function frameSummary(frame: StompFrame): string {
  const parts = [frame.command];
  (SUMMARY_HEADERS[frame.command] ?? []).forEach((name, i) => {
    const value = frame.headers.find(([k]) => k === name)?.[1];
    if (value !== undefined) parts.push(i === 0 && ['destination', 'receipt-id', 'message'].includes(name) ? value : `${name}=${value}`);
  });
  if (frame.body.length > 0 || ['SEND', 'MESSAGE'].includes(frame.command)) parts.push(bodySummary(frame.body));
  return parts.join(' ');
}

function bodySummary(body: Uint8Array): string {
  const text = decodeUtf8(body);
  const size = `(${byteCount(body.length)})`;
  return text.ok && text.text && looksLikeText(text.text) ? `${size} ${textPreview(text.text, 80)}` : size;
}

function frameTree(frame: StompFrame): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  // Repeated headers: the first one counts (STOMP 1.2 §"Repeated Header Entries"); later ones are kept as a list.
  for (const [name, value] of frame.headers) {
    const existing = headers[name];
    setKey(headers, name, existing === undefined ? value : [existing, value].flat());
  }
  const text = decodeUtf8(frame.body);
  return { command: frame.command, headers, body: text.ok && looksLikeText(text.text) ? text.text : bytesLeaf(frame.body) };
}

function bodyPayload(body: Uint8Array): Uint8Array | string {
  const text = decodeUtf8(body);
  return text.ok ? text.text : body;
}

function startsWithCommand(bytes: Uint8Array): boolean {
  let end = 0;
  while (end < bytes.length && end < 12 && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
  return COMMANDS.has(String.fromCharCode(...bytes.subarray(0, end))) && (bytes[end] === 0x0a || bytes[end] === 0x0d);
}

/** All frames of one WebSocket message; throws ReadError naming the byte where the grammar breaks. */
function parseFrames(bytes: Uint8Array): { frames: StompFrame[]; heartbeats: number } {
  const frames: StompFrame[] = [];
  let heartbeats = 0;
  let pos = 0;
  while (pos < bytes.length && frames.length < MAX_FRAMES) {
    const eol = eolLength(bytes, pos);
    if (eol > 0) { heartbeats++; pos += eol; continue; }
    const frame = parseFrame(bytes, pos);
    frames.push(frame.frame);
    pos = frame.end;
  }
  return { frames, heartbeats };
}

function parseFrame(bytes: Uint8Array, start: number): { frame: StompFrame; end: number } {
  let pos = start;
  const readLine = (what: string): string => {
    let end = pos;
    while (end < bytes.length && bytes[end] !== 0x0a) end++;
    if (end >= bytes.length) throw new ReadError(`${what} not ended by a newline`, pos);
    const lineEnd = end > pos && bytes[end - 1] === 0x0d ? end - 1 : end;
    const decoded = decodeUtf8(bytes.subarray(pos, lineEnd));
    if (!decoded.ok) throw new ReadError(`${what}: invalid UTF-8`, pos + decoded.offset);
    pos = end + 1;
    return decoded.text;
  };
  const commandAt = pos;
  const command = readLine('command');
  if (!COMMANDS.has(command)) throw new ReadError(`unknown STOMP command ${JSON.stringify(command.slice(0, 20))}`, commandAt);
  const escaped = command !== 'CONNECT' && command !== 'CONNECTED';
  const headers: [string, string][] = [];
  for (;;) {
    const lineAt = pos;
    const line = readLine('header');
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon < 0) throw new ReadError(`header line without a colon`, lineAt);
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    headers.push(escaped ? [unescape(name, lineAt), unescape(value, lineAt)] : [name, value]);
  }
  const lengthHeader = headers.find(([k]) => k === 'content-length')?.[1];
  let bodyEnd: number;
  if (lengthHeader !== undefined) {
    if (!/^\d{1,10}$/.test(lengthHeader)) throw new ReadError(`invalid content-length ${JSON.stringify(lengthHeader)}`, start);
    bodyEnd = pos + Number(lengthHeader);
    if (bodyEnd >= bytes.length) throw new ReadError(`body shorter than content-length ${lengthHeader}`, pos);
    if (bytes[bodyEnd] !== 0) throw new ReadError(`expected NUL after the ${lengthHeader}-byte body`, bodyEnd);
  } else {
    bodyEnd = bytes.indexOf(0, pos);
    if (bodyEnd < 0) throw new ReadError('frame not terminated by NUL', bytes.length);
  }
  return { frame: { command, headers, body: bytes.subarray(pos, bodyEnd) }, end: bodyEnd + 1 };
}

function eolLength(bytes: Uint8Array, pos: number): number {
  if (bytes[pos] === 0x0a) return 1;
  return bytes[pos] === 0x0d && bytes[pos + 1] === 0x0a ? 2 : 0;
}

/** STOMP 1.2 header escapes: \r \n \c \\ ; anything else after a backslash is an error. */
function unescape(text: string, lineAt: number): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(.?)/g, (_m, c: string) => {
    if (!Object.hasOwn(ESCAPES, c)) throw new ReadError(`invalid header escape \\${c}`, lineAt);
    return ESCAPES[c];
  });
}
