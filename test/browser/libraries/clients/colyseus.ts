/** @colyseus/sdk: join a room (matchmaking over HTTP, then its WebSocket), send a message, get the broadcast and the state patch, leave. */
import { Client } from '@colyseus/sdk';
import { config, report, until } from './report';

report(async () => {
  const client = new Client(config.url);
  const room = await client.joinOrCreate('battle', { name: 'ada' });
  // The full state comes right after the join handshake.
  await until(() => room.state?.players?.get(room.sessionId) === 'ada', 'the room state');
  const moved = new Promise<{ by: string; x: number; y: number }>((resolve) => room.onMessage('moved', resolve));
  room.send('move', { x: 1, y: 2 });
  const { by, ...at } = await moved;
  // The turn travels in a state patch (sent at the room's patch rate, after the broadcast).
  await until(() => room.state.turn === 1, 'the state patch');
  const players = [...room.state.players.values()];
  // A consented leave: the page asks, the server closes the socket (4000), so nothing it sent is cut off.
  const leaveCode = await room.leave();
  return { players, turn: room.state.turn, moved: { mine: by === room.sessionId, ...at }, leaveCode };
});
