// rpc-websockets' package exports name only "browser" and "node" conditions, none of which
// TypeScript's resolution uses: the few calls the client makes, typed here.
declare module 'rpc-websockets' {
  export class Client {
    constructor(url: string, options?: { autoconnect?: boolean; reconnect?: boolean });
    once(event: 'open' | 'error' | 'close', listener: (...args: unknown[]) => void): this;
    call(method: string, params?: unknown, timeout?: number): Promise<unknown>;
    notify(method: string, params?: unknown): Promise<void>;
    close(code?: number, data?: string): void;
  }
}
