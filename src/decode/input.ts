/** Builds a decoder's input from a captured frame (text, or base64 for binary). */
import type { FrameEvent } from '../protocol/capture';
import { base64ToBytes } from '../model/bytes';
import type { ConnectionInfo, DecodeInput } from './types';
import { encodeUtf8 } from './support/utf8';

export type CapturedFrame = Pick<FrameEvent, 'dir' | 'opcode' | 'data'>;

export function frameInput(frame: CapturedFrame, connection: ConnectionInfo, session?: Map<string, unknown>): DecodeInput {
  const binary = frame.opcode === 'binary';
  const input: DecodeInput = {
    bytes: binary ? safeBase64(frame.data) : encodeUtf8(frame.data),
    text: binary ? null : frame.data,
    dir: frame.dir,
    connection: { url: connection.url, protocol: connection.protocol, protocols: connection.protocols },
  };
  if (session) input.session = session;
  return input;
}

function safeBase64(data: string): Uint8Array {
  try {
    return base64ToBytes(data);
  } catch {
    return new Uint8Array(0);
  }
}
