/**
 * The exported mock server, run for real: the generated script is started with node, a real
 * `ws` client talks to it as the recorded page did (ids differ: volatile), and it answers as the
 * recorded server; a client that sends something else makes it report the difference and exit 1.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { mockServer } from '../../src/model/mock-exports';
import { mockScript } from '../../src/model/mock-script';
import type { Session } from '../../src/model/session-io';

const session: Session = {
  connections: [{
    url: 'wss://chat.example/socket?room=7', protocol: 'chat.v1', extensions: '', createdAt: 0, openedAt: 5, closedAt: 400,
    close: { code: 4000, reason: 'room closed', wasClean: true },
    frames: [
      { time: 20, dir: 'received', opcode: 'text', data: '{"type":"welcome"}', size: 18 },
      { time: 50, dir: 'sent', opcode: 'text', data: '{"type":"join","id":"a1","at":1733450000000}', size: 44 },
      { time: 70, dir: 'received', opcode: 'text', data: '{"type":"joined","members":2}', size: 29 },
      { time: 90, dir: 'sent', opcode: 'binary', data: 'AAEC/w==', size: 4 },
      { time: 110, dir: 'received', opcode: 'binary', data: '3q2+7w==', size: 4 },
    ],
  }],
};

// Inside the repository, so that the script's `import 'ws'` resolves from its node_modules.
const dir = mkdtempSync(resolve(import.meta.dirname, '../../.tmp-mock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(client: (url: string) => Promise<void>) {
  const file = join(dir, `mock-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, mockServer(mockScript(session, ['id', 'at']), 'a test'));
  const child = spawn(process.execPath, [file, '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const port = await new Promise<string>((ok, fail) => {
    const t = setInterval(() => { const m = /:(\d+)\n/.exec(out); if (m) { clearInterval(t); ok(m[1]); } }, 20);
    child.on('exit', (code) => { clearInterval(t); fail(new Error(`exited ${code}: ${err}`)); });
  });
  await client(`ws://127.0.0.1:${port}/socket?room=7`);
  await new Promise((r) => setTimeout(r, 100));
  const code = await new Promise<number | null>((ok) => { child.on('exit', ok); child.kill('SIGTERM'); });
  return { code, out, err };
}

function talk(url: string, join: string) {
  return new Promise<void>((done, fail) => {
    const ws = new WebSocket(url, ['chat.v1']);
    const got: string[] = [];
    ws.on('message', (data, binary) => {
      got.push(binary ? `bin:${Buffer.from(data as Buffer).toString('base64')}` : data.toString());
      if (got.length === 1) ws.send(join);
      if (got.length === 2) ws.send(Buffer.from([0, 1, 2, 255]));
    });
    ws.on('close', (code, reason) => {
      try {
        expect(ws.protocol).toBe('chat.v1');
        if (join.includes('"join"')) expect(got).toEqual(['{"type":"welcome"}', '{"type":"joined","members":2}', 'bin:3q2+7w==']);
        expect([code, reason.toString()]).toEqual([4000, 'room closed']);
        done();
      } catch (e) { fail(e); }
    });
    ws.on('error', fail);
  });
}

test('answers like the recorded server, with the recorded subprotocol and close; ids and times relaxed', async () => {
  const { code, out, err } = await run((url) => talk(url, '{"at":1,"id":"zz9","type":"join"}'));
  expect(err).toBe('');
  expect(out).toContain('/socket?room=7: as recorded');
  expect(code).toBe(0);
});

test('a client that sends something else is reported, and the server exits 1', async () => {
  const { code, err } = await run((url) => talk(url, '{"type":"leave","id":"q"}'));
  expect(err).toContain('step 2: expected {"type":"join","id":"a1","at":1733450000000}, got {"type":"leave","id":"q"}');
  expect(code).toBe(1);
});
