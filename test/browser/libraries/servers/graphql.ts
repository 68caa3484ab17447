/** graphql-ws server (`useServer` on a `ws` server): a query and a subscription that yields 1..to. */
// graphql-ws is loaded by node itself, whose `import 'graphql'` is the CommonJS index.js; a bare
// 'graphql' here would be Vite's pick (index.mjs), a second copy that graphql rejects as "another realm".
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql/index.js';
import { useServer } from 'graphql-ws/use/ws';
import { expect } from 'vitest';
import type { LibraryCase } from '../case';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { hello: { type: GraphQLString, resolve: () => 'world' } },
  }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      count: {
        type: GraphQLInt,
        args: { to: { type: new GraphQLNonNull(GraphQLInt) } },
        async *subscribe(_root, { to }: { to: number }) {
          for (let i = 1; i <= to; i++) yield i;
        },
        resolve: (value: number) => value,
      },
    },
  }),
});

export const graphqlWs: LibraryCase = {
  name: 'graphql-ws',
  client: 'graphql',
  pairs: { answered: 2 },
  summary: /^graphql GraphQL (next|complete|subscribe)/,
  setup(server) {
    const wss = server.wss({ path: '/graphql' });
    const cleanup = useServer({ schema }, wss);
    server.onClose(() => cleanup.dispose());
    return {
      config: { url: `${server.wsUrl}/graphql` },
      connections: 1,
      check(result) {
        expect(result).toEqual({ query: [{ hello: 'world' }], counts: [1, 2, 3, 4, 5] });
      },
    };
  },
};
