import { describe, expect, test } from 'vitest';
import { bytesInput, run } from '../testing/inputs';
import { hexDecoder, hexDump } from './hex';

describe('hex', () => {
  test('summary shows the size and first bytes; the tree is a hex dump', () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => 0x41 + i);
    expect(run(hexDecoder, bytesInput(bytes))).toMatchObject({
      ok: true,
      summary: '20 B: 41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50 51 52 53 54',
      tree: [
        '00000000  41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|',
        '00000010  51 52 53 54                                      |QRST|',
      ],
    });
  });

  test('huge payloads are dumped up to 64 KB and counted beyond', () => {
    const rows = hexDump(new Uint8Array(70_000));
    expect(rows.length).toBe(4097);
    expect(rows[4096]).toBe('… 4464 more bytes');
  });
});
