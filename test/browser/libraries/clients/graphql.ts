/** graphql-ws: one query and one subscription that yields five values, on one socket. */
import { createClient } from 'graphql-ws';
import { config, report } from './report';

report(async () => {
  // lazy: false keeps one socket for both operations (lazy clients close between them).
  const client = createClient({ url: config.url, lazy: false, retryAttempts: 0 });
  const query: unknown[] = [];
  for await (const result of client.iterate({ query: '{ hello }' })) query.push(result.data);
  const counts: unknown[] = [];
  for await (const result of client.iterate({ query: 'subscription { count(to: 5) }' })) counts.push(result.data?.count);
  await client.dispose();
  return { query, counts };
});
