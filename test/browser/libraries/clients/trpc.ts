/** tRPC 11: `createWSClient` + `wsLink`, a query, a mutation and a subscription run to its end, on one socket. */
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import type { AppRouter } from '../servers/trpc';
import { config, report } from './report';

report(async () => {
  // Not lazy (the default): one socket, opened now, for all three operations; a retry would be a
  // second connection, so none comes within the test.
  const wsClient = createWSClient({ url: config.url, retryDelayMs: () => 60_000 });
  const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
  const greeting = await client.greeting.query({ name: 'ada' });
  const post = await client.addPost.mutate({ title: 'hi' });
  const counts: number[] = [];
  // The server's generator returns after `to` items: its "stopped" completes the subscription.
  const completed = await new Promise<boolean>((resolve, reject) => {
    client.count.subscribe({ to: config.to }, { onData: (n) => counts.push(n), onComplete: () => resolve(true), onError: reject });
  });
  await wsClient.close();
  return { greeting, post, counts, completed };
});
