/** Every decoder, and the order in which they may claim a frame by its content alone. */
import type { Decoder } from './types';
import { actioncableDecoder } from './decoders/actioncable';
import { base64Decoder } from './decoders/base64';
import { cborDecoder } from './decoders/cbor';
import { centrifugoDecoder } from './decoders/centrifugo';
import { colyseusDecoder } from './decoders/colyseus';
import { compressedDecoder } from './decoders/compressed';
import { ddpDecoder } from './decoders/ddp';
import { graphqlDecoder } from './decoders/graphql';
import { hexDecoder } from './decoders/hex';
import { jsonDecoder } from './decoders/json';
import { jsonrpcDecoder } from './decoders/jsonrpc';
import { mqttDecoder } from './decoders/mqtt';
import { natsDecoder } from './decoders/nats';
import { phoenixDecoder } from './decoders/phoenix';
import { msgpackDecoder } from './decoders/msgpack';
import { msgpackOffsetDecoder } from './decoders/msgpack-offset';
import { protobufDecoder } from './decoders/protobuf';
import { pusherDecoder } from './decoders/pusher';
import { signalrDecoder } from './decoders/signalr';
import { sockjsDecoder } from './decoders/sockjs';
import { socketioDecoder } from './decoders/socketio';
import { stompDecoder } from './decoders/stomp';
import { textDecoder } from './decoders/text';
import { wampDecoder } from './decoders/wamp';
import { yjsDecoder } from './decoders/yjs';

/**
 * Protocols first (each claims only frames clearly its own), then generic formats: JSON before
 * text, containers (MessagePack, CBOR) before readable text, schema-less protobuf last because
 * the most random bytes pass for it.
 */
export const guessOrder: Decoder[] = [
  socketioDecoder, sockjsDecoder, stompDecoder, signalrDecoder, graphqlDecoder, actioncableDecoder, wampDecoder, mqttDecoder,
  jsonrpcDecoder, phoenixDecoder, pusherDecoder, ddpDecoder, yjsDecoder, natsDecoder, colyseusDecoder, centrifugoDecoder,
  jsonDecoder, base64Decoder, compressedDecoder, msgpackDecoder, cborDecoder, msgpackOffsetDecoder, textDecoder, protobufDecoder,
];

/** Hex never guesses: it is the fallback for binary frames. */
export const allDecoders: Decoder[] = [...guessOrder, hexDecoder];
