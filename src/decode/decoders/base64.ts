/**
 * Base64-wrapped binary in a text frame (standard or url-safe alphabet), decoded, then the bytes
 * decoded again by content: `nested` holds what they turned out to be.
 */
import type { Decoder } from '../types';
import { base64ToBytes } from '../../model/bytes';
import { byteCount } from '../support/preview';
import { fail, ok } from '../support/result';
import { bytesLeaf } from '../support/tree';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Short words are too often valid base64 by accident. */
const MIN_GUESS_LENGTH = 8;

export const base64Decoder: Decoder = {
  id: 'base64',
  label: 'Base64',
  affinity: () => 0,
  decode(input, context) {
    if (input.text === null) return context.guessing ? null : fail('base64', 'base64 is text; this is a binary frame');
    const text = input.text.trim();
    const bytes = decodeBase64(text);
    if (!bytes) return context.guessing ? null : fail('base64', invalidReason(text));
    if (context.guessing && text.length < MIN_GUESS_LENGTH) return null;
    const inner = context.decodeInner(bytes);
    // Guessing, claim the text only when the bytes inside are recognisably something.
    if (context.guessing && (!inner || !inner.ok || inner.format === 'hex')) return null;
    const what = inner?.ok ? ` → ${inner.summary}` : '';
    return ok('base64', `base64 ${byteCount(bytes.length)}${what}`, bytesLeaf(bytes), inner);
  },
};

function decodeBase64(text: string): Uint8Array | null {
  if (!text) return null;
  if (BASE64.test(text)) return base64ToBytes(text);
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  return base64ToBytes(standard + '='.repeat((4 - (standard.length % 4)) % 4));
}

function invalidReason(text: string): string {
  if (!text) return 'empty payload';
  const bad = /[^A-Za-z0-9+/=_-]/.exec(text);
  if (bad) return `character ${JSON.stringify(bad[0])} at position ${bad.index} is not base64`;
  return `length ${text.length} or padding is not valid base64`;
}
