/**
 * Page-world entry, run synchronously at document_start in every frame before any page
 * script. Built as a self-contained IIFE (crxjs `*.iife.ts`); it must import nothing
 * from extension APIs and define no globals.
 */
import { maskErrorGetters } from './gecko-getters';
import { connectToRelay } from './reporter';
import { patchWebSocket } from './websocket';
import { patchWebSocketStream } from './stream';

try {
  connectToRelay();
  maskErrorGetters(window);
  patchWebSocket(window);
  patchWebSocketStream(window);
} catch {
  // A hook that fails must leave the page as it was.
}
