import { test } from 'vitest';
import { decodeFixture, summaries } from '/work/main/src/decode/testing/fixtures';
test('peek', () => {
  for (const name of (process.env.PEEK ?? '').split(',')) {
    const r = decodeFixture(name, { session: true });
    console.log(name + '\n' + summaries(r).map((s, i) => `${r[i]?.format}\t${s}`).join('\n'));
  }
});
