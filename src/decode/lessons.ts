/**
 * "Learn the API" for the protocol a frame was decoded as: what the protocol is, how it rides on
 * WebSocket messages, and this frame's place in a request/response exchange. Pure text, for the
 * panel's Learn view beside `explainFrame` (src/model/learn.ts), which covers the WebSocket API.
 */
import type { DecodeResult, PairHint } from './types';

export interface ProtocolLesson { term: string; text: string }

const PROTOCOLS: Record<string, ProtocolLesson> = {
  jsonrpc: { term: 'JSON-RPC 2.0', text: 'Each message is a JSON object with "jsonrpc": "2.0". A request names a "method" and carries "params" and an "id"; the answer has the same id and either a "result" or an "error" { code, message }. Without an id it is a notification: nobody answers. An array of them is a batch. tRPC, Ethereum nodes (eth_subscribe, then eth_subscription notifications) and many RPC libraries speak it over WebSocket.' },
  phoenix: { term: 'Phoenix Channels', text: 'Elixir Phoenix multiplexes many topics ("room:lobby", LiveView\'s "lv:…") over one socket. Every message has a topic, an event, a payload and refs: the client pushes events with a ref, the server answers with "phx_reply" { status, response } carrying the same ref, and broadcasts without one. The v2 serializer sends [join_ref, ref, topic, event, payload] arrays (LiveView), v1 objects (Supabase Realtime); "heartbeat" on topic "phoenix" keeps the socket alive.' },
  pusher: { term: 'Pusher Channels protocol', text: 'Used by Pusher, Laravel Echo with Reverb or Soketi. Messages are { event, channel, data }; the server sends data as a JSON string inside the JSON (shown unwrapped). "pusher:*" events manage the connection (connection_established, subscribe, ping/pong, error), "pusher_internal:*" the channels (subscription_succeeded, member_added), "client-*" events are whispers between clients; anything else is an application event.' },
  ddp: { term: 'Meteor DDP', text: 'The Distributed Data Protocol: JSON messages with a "msg" field. "sub" starts a subscription whose documents arrive as added/changed/removed until "ready"; "method" calls the server and "result" (same id) answers, "updated" says its writes are visible. Meteor serves it at /websocket, or inside SockJS frames.' },
  yjs: { term: 'Yjs sync protocol', text: 'Collaborative editing (y-websocket, Hocuspocus-style servers). Binary messages: sync step 1 sends a state vector ("what I have"), sync step 2 answers with the missing document update, then each edit travels as an update. Awareness messages carry each client\'s presence (user, cursor) as JSON; a null state means the client left.' },
  colyseus: { term: 'Colyseus room protocol', text: 'A multiplayer game room: the first byte is a code (JOIN_ROOM, ROOM_DATA, ROOM_STATE, ROOM_STATE_PATCH…), then MessagePack: a message type and its payload for room.send()/onMessage(), a request id for room.request(). State and patches are @colyseus/schema bytes that only the room\'s schema can read.' },
  'msgpack-offset': { term: 'MessagePack after a header', text: 'The frame starts with a few bytes of the application\'s own (a message code, a channel) followed by one MessagePack document. The header\'s meaning is up to the application.' },
  nats: { term: 'NATS protocol', text: 'Text operations ended by CRLF: SUB subscribes to a subject with a subscription id (sid), PUB publishes a byte-counted payload, MSG delivers one, HPUB/HMSG add NATS/1.0 headers. A request is a PUB with a reply-to inbox (_INBOX.…) and its answer a MSG on that inbox; PING/PONG keep the connection alive. nats.ws sends several operations per binary frame.' },
  centrifugo: { term: 'Centrifugo client protocol', text: 'Commands from the client carry an "id" and one method (connect, subscribe, publish, rpc…); the reply carries the same id and the result or an "error". Publications and joins/leaves arrive as "push" messages without an id. JSON messages may be several per frame, one per line; with the centrifuge-protobuf subprotocol they are length-delimited protobuf. An empty message is a ping, answered by an empty pong.' },
};

const ROLES: Record<PairHint['role'], string> = {
  request: 'opens a request: the inspector pairs it with the answer carrying the same',
  response: 'answers the request with the same',
  stream: 'is one of the answers streaming back for the request with the same',
  end: 'ends the exchange (stream) with the same',
};

/** What the decoded protocol is, and how this frame pairs with others; empty for formats without a lesson. */
export function protocolLessons(result: DecodeResult): ProtocolLesson[] {
  const lessons: ProtocolLesson[] = [];
  for (let r = result, depth = 0; r && r.ok && depth < 8; r = r.nested ?? null, depth++) {
    const lesson = PROTOCOLS[r.format];
    if (lesson && !lessons.includes(lesson)) lessons.push(lesson);
    for (const pair of r.pairs ?? []) {
      const who = pair.by === 'requester' ? ' (sent by the side that asked)' : '';
      lessons.push({ term: `${pair.family} ${pair.role}`, text: `This message ${ROLES[pair.role]} key ${JSON.stringify(pair.key)}${pair.method ? `; method ${pair.method}` : ''}${pair.error ? '; it reports a failure' : ''}${who}.` });
    }
  }
  return lessons;
}
