/**
 * Connects the capture store to Preact: re-renders at most once per animation frame,
 * however many messages arrive in between.
 */
import { useEffect, useState } from 'preact/hooks';
import { CaptureStore } from '../model/capture-store';
import { connectCapture } from './capture-link';
import { onNavigated } from './inspected-tab';

export interface StoreHandle { store: CaptureStore; clear(): void; togglePause(): void }

export function useCaptureStore(tabId: number, preserveLog: boolean, maxFrames: number): StoreHandle {
  const [store] = useState(() => new CaptureStore());
  const [, setVersion] = useState(0);
  store.options.preserveLog = preserveLog;
  store.options.maxFrames = maxFrames;
  const refresh = () => { store.version++; setVersion(store.version); };

  useEffect(() => {
    let frame = 0;
    const render = () => { frame = 0; setVersion(store.version); };
    const disconnect = connectCapture({
      tabId,
      since: () => store.since(),
      onMessage(message) {
        store.apply(message);
        if (!frame) frame = requestAnimationFrame(render);
      },
    });
    return () => { disconnect(); cancelAnimationFrame(frame); };
  }, [tabId]);

  const clear = () => { store.clear(); refresh(); };
  useEffect(() => onNavigated(() => {
    // A page without WebSockets never reports a new document: clear on navigation too.
    if (!store.options.preserveLog) clear();
  }), []);

  return { store, clear, togglePause: () => { store.paused = !store.paused; refresh(); } };
}
