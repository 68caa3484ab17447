/**
 * Connects the capture store to Preact: re-renders at most every 100 ms,
 * however many messages arrive in between.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CaptureStore, type Connection } from '../model/capture-store';
import type { SocketCommand } from '../protocol/commands';
import type { InterceptConfig, Rule } from '../protocol/rules';
import { PROTOCOL_VERSION } from '../protocol/ports';
import { connectCapture, type CaptureLink } from './capture-link';
import { onNavigated } from './inspected-tab';
import { setPayloadLink } from './full-payload';

const RENDER_EVERY_MS = 100;

export interface StoreHandle {
  store: CaptureStore;
  clear(): void;
  togglePause(): void;
  /** Acts on a live connection of the inspected tab. */
  command(connection: Connection, command: SocketCommand): void;
  /** Rules and breakpoint for the whole tab (re-sent after every reconnection). */
  configure(rules: Rule[], intercept: InterceptConfig | null): void;
  releaseAll(): void;
}

export function useCaptureStore(tabId: number, preserveLog: boolean, maxFrames: number): StoreHandle {
  const [store] = useState(() => new CaptureStore());
  const [, setVersion] = useState(0);
  const [link, setLink] = useState<CaptureLink | null>(null);
  const config = useRef<{ rules: Rule[]; intercept: InterceptConfig | null }>({ rules: [], intercept: null });
  const linkRef = useRef<CaptureLink | null>(null);
  const pushConfig = () => linkRef.current?.post({ v: PROTOCOL_VERSION, type: 'configure', tabId, ...config.current });
  store.options.preserveLog = preserveLog;
  store.options.maxFrames = maxFrames;
  const refresh = () => { store.version++; setVersion(store.version); };

  useEffect(() => {
    // At most ~10 renders a second while frames stream: each render of the whole panel costs
    // far more than applying a batch to the store.
    let timer = 0;
    const render = () => { timer = 0; setVersion(store.version); };
    const capture = connectCapture({
      tabId,
      since: () => store.since(),
      onMessage(message) {
        store.apply(message);
        if (!timer) timer = window.setTimeout(render, RENDER_EVERY_MS);
      },
      onSubscribed: () => { if (config.current.rules.length || config.current.intercept) setTimeout(pushConfig, 0); },
    });
    linkRef.current = capture;
    setLink(capture);
    setPayloadLink(capture);
    return () => { capture.disconnect(); setPayloadLink(null); window.clearTimeout(timer); };
  }, [tabId]);

  const clear = () => { store.clear(); refresh(); };
  useEffect(() => onNavigated(() => {
    // A page without WebSockets never reports a new document: clear on navigation too.
    if (!store.options.preserveLog) clear();
  }), []);

  return {
    store,
    clear,
    togglePause: () => { store.paused = !store.paused; refresh(); },
    command: (connection, command) => link?.post({ v: PROTOCOL_VERSION, type: 'command', tabId, frameId: connection.frameId, conn: connection.id, command }),
    configure: (rules, intercept) => { config.current = { rules, intercept }; pushConfig(); },
    releaseAll: () => link?.post({ v: PROTOCOL_VERSION, type: 'release-all', tabId }),
  };
}
