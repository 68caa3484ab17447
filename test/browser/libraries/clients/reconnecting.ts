/**
 * reconnecting-websocket: the server drops the first two connections (after a "drop" request);
 * the client reconnects each time. A message sent while disconnected is queued by the library
 * and delivered on the next connection.
 */
import ReconnectingWebSocket from 'reconnecting-websocket';
import { config, report, until } from './report';

report(async () => {
  const rws = new ReconnectingWebSocket(config.url, [], {
    minReconnectionDelay: 50, maxReconnectionDelay: 100, reconnectionDelayGrowFactor: 1, maxRetries: 5,
  });
  const sent: string[] = [];
  const echoes: string[] = [];
  let opens = 0;
  let closes = 0;
  const send = (text: string) => { sent.push(text); rws.send(text); };
  rws.addEventListener('message', (e) => { echoes.push(e.data as string); });
  rws.addEventListener('close', () => { closes++; if (closes <= 2) send(`queued while down ${closes}`); });
  rws.addEventListener('open', () => {
    opens++;
    send(`hello ${opens}`);
    if (opens <= 2) rws.send('drop'); // the server closes on "drop" and does not echo it
    else for (let i = 0; i < config.n; i++) send(`message ${i}`);
  });
  await until(() => opens === 3 && echoes.length === sent.length, 'three connections and every echo');
  rws.close();
  await until(() => closes === 3, 'the final close');
  return { opens, sent: [...sent].sort(), echoes: [...echoes].sort() };
});
