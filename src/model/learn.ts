/**
 * "Learn the API": what the selected frame and its connection mean in WebSocket API terms,
 * for people learning how WebSockets work. Pure text, no HTML.
 */
import type { Connection, Frame } from './capture-store';

const CLOSE_CODES: Record<number, string> = {
  1000: 'Normal Closure: the purpose of the connection was fulfilled.',
  1001: 'Going Away: the server is going down, or the browser navigated away from the page.',
  1002: 'Protocol Error: an endpoint received a malformed frame.',
  1003: 'Unsupported Data: an endpoint received data of a type it cannot accept.',
  1005: 'No Status Received: the close frame had no code (never sent on the wire).',
  1006: 'Abnormal Closure: the connection dropped without a close frame (network error, server crash).',
  1007: 'Invalid Frame Payload Data: e.g. a text message that is not valid UTF-8.',
  1008: 'Policy Violation: a generic "not allowed" from the endpoint.',
  1009: 'Message Too Big: the message exceeded what the endpoint accepts.',
  1010: 'Mandatory Extension: the client expected an extension the server did not negotiate.',
  1011: 'Internal Error: the server hit an unexpected condition.',
  1012: 'Service Restart.',
  1013: 'Try Again Later: temporary overload.',
  1014: 'Bad Gateway.',
  1015: 'TLS Handshake failure (never sent on the wire).',
};

export function closeCodeMeaning(code: number): string {
  if (CLOSE_CODES[code]) return CLOSE_CODES[code];
  if (code >= 3000 && code <= 3999) return 'Registered for libraries and frameworks (IANA registry).';
  if (code >= 4000 && code <= 4999) return 'Private use: the application defines what it means.';
  return 'Not a standard close code.';
}

export interface Lesson { term: string; text: string }

export function explainFrame(frame: Frame, c: Connection | undefined): Lesson[] {
  const lessons: Lesson[] = [];
  if (frame.dir === 'sent') {
    lessons.push({ term: 'ws.send(data)', text: `The page called send() with ${frame.opcode === 'text' ? 'a string: it goes out as a text frame (opcode 1), UTF-8 encoded' : 'an ArrayBuffer, a typed array/DataView or a Blob: it goes out as a binary frame (opcode 2)'}. send() does not wait: the bytes are queued and ws.bufferedAmount grows until the network has taken them.` });
  } else {
    lessons.push({ term: "'message' event", text: `The browser fired a MessageEvent on the socket: ws.onmessage and every addEventListener('message', …) listener ran, in the order they were added. event.data is ${frame.opcode === 'text' ? 'a string (a text frame)' : "an ArrayBuffer or a Blob (a binary frame): which one depends on ws.binaryType ('blob' by default, or 'arraybuffer')"}.` });
  }
  lessons.push({ term: 'Size', text: `${frame.size} bytes of payload${frame.opcode === 'text' ? ' (the UTF-8 length, not the number of characters)' : ''}. Frame headers (2–14 bytes) and compression are not counted.` });
  if (frame.discarded) lessons.push({ term: 'readyState', text: 'send() was called after the socket began closing (readyState 2 CLOSING or 3 CLOSED): the browser silently discards the data.' });
  if (!c) return lessons;
  lessons.push({ term: 'new WebSocket(url, protocols)', text: `Opened ${c.url}${c.protocols.length ? ` asking for the subprotocols ${c.protocols.join(', ')}` : ' without asking for a subprotocol'}. readyState starts at 0 CONNECTING, becomes 1 OPEN on the 'open' event, 2 CLOSING after close(), 3 CLOSED on the 'close' event.` });
  lessons.push({ term: 'ws.protocol', text: c.protocol ? `The server chose "${c.protocol}" (the Sec-WebSocket-Protocol response header).` : 'Empty: no subprotocol was negotiated.' });
  lessons.push({ term: 'ws.extensions', text: c.extensions ? `Negotiated: ${c.extensions}. permessage-deflate compresses each message; the sizes here are uncompressed.` : 'None negotiated: messages travel uncompressed.' });
  if (c.close) {
    lessons.push({ term: `CloseEvent.code ${c.close.code}`, text: closeCodeMeaning(c.close.code) + (c.close.reason ? ` The reason given: "${c.close.reason}".` : '') });
    lessons.push({ term: 'CloseEvent.wasClean', text: c.close.wasClean ? 'true: both sides exchanged close frames.' : 'false: the connection ended without the closing handshake.' });
  }
  return lessons;
}
