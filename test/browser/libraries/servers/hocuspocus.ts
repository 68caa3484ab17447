/**
 * Hocuspocus 3 (Yjs): its own `Server` on its own port, behind the counting proxy (proxy.ts).
 * Not `hocuspocus.handleConnection()` on the counting server: until a connection is set up
 * (authenticated, document loaded) Hocuspocus queues what the client sends, then replays it by
 * emitting 'message' on the socket again, which a counter listening to 'message' counts twice.
 * The proxy's page-side socket carries no library, so it counts each frame once.
 * A token is required; a stateless message is answered (the page uses it as a barrier: the
 * server answers in order, after every frame the page's earlier messages caused).
 */
import { Server } from '@hocuspocus/server';
import { expect } from 'vitest';
import type { LibraryCase } from '../case';
import { proxyTo } from './proxy';

export const hocuspocusCase: LibraryCase = {
  name: 'Hocuspocus (Yjs)',
  client: 'hocuspocus',
  summary: /^yjs /,
  async setup(server) {
    // What the server's document and awareness ended with, as Hocuspocus's hooks saw them.
    const seen = { text: '', users: [] as unknown[] };
    const hocuspocus = new Server({
      port: 0, // any free one
      address: '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      async onAuthenticate({ token }) { if (token !== 'secret') throw new Error('bad token'); },
      async onChange({ document }) { seen.text = document.getText('content').toString(); },
      async onAwarenessUpdate({ states }) { for (const s of states) if (s.user) seen.users.push(s.user); },
      async onStateless({ connection, payload }) { connection.sendStateless(`echo:${payload}`); },
    });
    await hocuspocus.listen();
    server.onClose(() => hocuspocus.destroy());
    proxyTo(server, hocuspocus.address.port, { path: '/collab' });
    return {
      config: { url: `${server.wsUrl}/collab` },
      connections: 1,
      check(result) {
        expect(result).toEqual({ text: 'hello', echoes: ['echo:edited', 'echo:left'] });
        expect(seen.text).toBe('hello');
        expect(seen.users).toContainEqual({ name: 'ada' });
      },
    };
  },
};
