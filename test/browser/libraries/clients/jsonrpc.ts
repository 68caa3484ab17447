/** rpc-websockets (JSON-RPC 2.0): calls that get results, one that gets an error, a notification. */
import { Client } from 'rpc-websockets';
import { config, report } from './report';

report(async () => {
  const ws = new Client(config.url, { autoconnect: true, reconnect: false });
  await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
  const sums: unknown[] = [];
  for (let i = 0; i < config.n; i++) sums.push(await ws.call('sum', [i, 1]));
  let failure = "";
  try { await ws.call('no.such.method', []); } catch (e) { failure = (e as { message?: string }).message ?? String(e); }
  await ws.notify('log', ['done']);
  const slow = ws.call('slow', [], 5000).catch(() => null); // answered after the close: never
  ws.close();
  void slow;
  return { sums, failure };
});
