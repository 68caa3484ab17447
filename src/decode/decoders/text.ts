/** Plain text: every text frame, and binary frames that are readable UTF-8. The fallback for text. */
import type { Decoder } from '../types';
import { clip } from '../support/preview';
import { fail, ok } from '../support/result';
import { decodeUtf8, looksLikeText } from '../support/utf8';

export const textDecoder: Decoder = {
  id: 'text',
  label: 'Text',
  affinity: () => 0,
  decode(input, context) {
    if (input.text !== null) return ok('text', clip(input.text), input.text);
    const decoded = decodeUtf8(input.bytes);
    if (!decoded.ok) return context.guessing ? null : fail('text', `invalid UTF-8 at byte ${decoded.offset}`);
    if (context.guessing && !looksLikeText(decoded.text)) return null;
    return ok('text', clip(decoded.text), decoded.text);
  },
};
