/** @hocuspocus/provider: authenticate, sync the document, one edit, awareness, then leave. */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { config, report, until } from './report';

report(async () => {
  // The socket is our own (Hocuspocus's multiplexing setup), so that leaving the document and
  // closing the socket are two steps: the server answers a provider's leaving with a close
  // message, which must arrive before the page closes the socket (a closing socket drops it).
  const socket = new HocuspocusProviderWebsocket({ url: config.url });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: 'notes-1', token: 'secret' });
  provider.attach(); // a provider given a socket attaches explicitly
  const echoes: string[] = [];
  provider.on('stateless', ({ payload }: { payload: string }) => echoes.push(payload));
  /** The server's answer to a stateless message comes after every frame our earlier messages caused. */
  const barrier = async (payload: string) => {
    provider.sendStateless(payload);
    await until(() => echoes.includes(`echo:${payload}`), `the server's echo of ${payload}`);
  };
  // Synced: the server's sync step 2 came, and it acknowledged ours (its sync status message).
  await until(() => provider.isSynced && !provider.hasUnsyncedChanges, 'the first sync');

  provider.document.getText('content').insert(0, 'hello');
  await until(() => !provider.hasUnsyncedChanges, 'the server to acknowledge the edit');
  // The server sends awareness updates to every connection, this one too.
  provider.setAwarenessField('user', { name: 'ada' });
  await barrier('edited');

  // Leave the awareness ourselves and wait for the server's echo (destroy() would send the
  // removal without waiting), then leave the document and wait for the server's close message.
  provider.awareness!.setLocalState(null);
  await barrier('left');
  const text = provider.document.getText('content').toString();
  let after = 0;
  socket.on('message', () => { after++; });
  provider.destroy();
  await until(() => after === 1, "the server's close message for the document");
  socket.destroy();
  return { text, echoes };
});
