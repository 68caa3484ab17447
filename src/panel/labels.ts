/** How the panel names a connection: "#2 /chat" (its number in the list and its path). */
import type { CaptureStore } from '../model/capture-store';

export function connectionLabeller(store: CaptureStore): (id: string) => string {
  const numbers = new Map([...store.connections.keys()].map((id, i) => [id, i + 1]));
  return (id) => {
    const c = store.connections.get(id);
    return c ? `#${numbers.get(id)} ${c.url.replace(/^wss?:\/\/[^/]+/, '') || '/'}` : id;
  };
}
