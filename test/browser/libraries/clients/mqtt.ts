/** mqtt.js (its browser build): connect, subscribe, publish N messages at QoS 0 and N at QoS 1, receive them all. */
import mqtt from 'mqtt';
import { config, report, until } from './report';

report(async () => {
  // keepalive 0: no PINGREQ timer, so the frame count depends only on the script below.
  const client = await mqtt.connectAsync(config.url, { keepalive: 0, reconnectPeriod: 0, clientId: 'wsinspect-page' });
  const received: string[] = [];
  client.on('message', (topic, payload, packet) => received.push(`${topic} q${packet.qos} ${payload.toString()}`));
  await client.subscribeAsync('test/#', { qos: 1 });
  for (let i = 0; i < config.n; i++) await client.publishAsync('test/q0', `m${i}`, { qos: 0 });
  for (let i = 0; i < config.n; i++) await client.publishAsync('test/q1', `m${i}`, { qos: 1 });
  await until(() => received.length === 2 * config.n, 'all published messages to come back');
  await client.endAsync();
  return { received };
});
