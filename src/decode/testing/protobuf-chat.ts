/** A schema and a message encoded by the real library (protobufjs), for the protobuf tests. */
import protobuf from 'protobufjs';

export const CHAT_PROTO = `
  syntax = "proto3";
  package chat;
  message Author { string name = 1; int64 karma = 2; }
  message Message {
    enum Kind { TEXT = 0; IMAGE = 1; }
    uint32 id = 1; string text = 2; Author author = 3; repeated sint32 scores = 4 [packed = true];
    map<string, int32> counts = 5; Kind kind = 6; double ratio = 7; fixed32 flags = 8; bytes blob = 9; bool pinned = 10;
  }`;
export const CHAT_MESSAGE = {
  id: 150, text: 'hello', author: { name: 'ada', karma: -2 }, scores: [1, -1], counts: { a: 1 }, kind: 1,
  ratio: 0.5, flags: 7, blob: new Uint8Array([0, 255]), pinned: true,
};
export function encodeChatMessage(): Uint8Array {
  const type = protobuf.parse(CHAT_PROTO).root.lookupType('chat.Message');
  return type.encode(type.fromObject(CHAT_MESSAGE)).finish();
}

