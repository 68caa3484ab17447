/** @stomp/stompjs: connect (heart-beats off), subscribe, send N messages, receive them, disconnect with a receipt. */
import { Client } from '@stomp/stompjs';
import { config, report, until } from './report';

report(async () => {
  const client = new Client({ brokerURL: config.url, reconnectDelay: 0, heartbeatIncoming: 0, heartbeatOutgoing: 0 });
  const received: string[] = [];
  const connected = new Promise<void>((resolve, reject) => {
    client.onConnect = () => resolve();
    client.onStompError = (frame) => reject(new Error(frame.headers.message));
    client.onWebSocketError = () => reject(new Error('websocket error'));
  });
  client.activate();
  await connected;
  client.subscribe('/topic/test', (message) => received.push(message.body));
  for (let i = 0; i < config.n; i++) client.publish({ destination: '/topic/test', body: `message ${i}` });
  await until(() => received.length === config.n, 'all messages');
  // Sends DISCONNECT with a receipt header and closes the socket once the RECEIPT arrives.
  await client.deactivate();
  return { received };
});
