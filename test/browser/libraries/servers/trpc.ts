/**
 * tRPC 11 server: its `ws` adapter (`applyWSSHandler`) on the counting `ws` server, with a
 * query, a mutation and a subscription that yields 1..to and then returns (so the server ends
 * it with "stopped": no frame is left in flight when the page closes).
 */
import { initTRPC } from '@trpc/server';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { expect } from 'vitest';
import type { LibraryCase } from '../case';

const t = initTRPC.create({ isDev: false });
// Inputs are cast, not validated: a validator library is no part of what is tested.
const router = t.router({
  greeting: t.procedure.input((v) => v as { name: string }).query(({ input }) => `hello ${input.name}`),
  addPost: t.procedure.input((v) => v as { title: string }).mutation(({ input }) => ({ id: 1, title: input.title })),
  count: t.procedure.input((v) => v as { to: number }).subscription(async function* ({ input }) {
    for (let i = 1; i <= input.to; i++) yield i;
  }),
});
/** The page's client is typed by it (a type-only import: nothing of the server is bundled). */
export type AppRouter = typeof router;

export const trpcCase: LibraryCase = {
  name: 'tRPC (wsLink)',
  client: 'trpc',
  // tRPC's wire format is JSON-RPC-like ({id, method, params} / {id, result}).
  summary: /^jsonrpc /,
  // The query and the mutation; the subscription's id is answered several times.
  pairs: { answered: 2 },
  setup(server) {
    const wss = server.wss({ path: '/trpc' });
    // Nothing to dispose: the handler only listens to `wss`, which the base server closes.
    applyWSSHandler({ wss, router });
    return {
      config: { url: `${server.wsUrl}/trpc`, to: 3 },
      connections: 1,
      check(result) {
        expect(result).toEqual({ greeting: 'hello ada', post: { id: 1, title: 'hi' }, counts: [1, 2, 3], completed: true });
      },
    };
  },
};
