/**
 * The relay's side of the hook's two modes (see hook/reporter.ts): while no panel listens the
 * hook keeps its reports and rings a doorbell (an empty batch) when some wait; the relay then
 * pulls them. When a panel subscribes, the relay pulls everything and asks the hook to post
 * from then on as reports happen ("live"); when the panel goes, back to quiet.
 */
/**
 * How long a pull may go unanswered before the relay goes on without it: a page that took the
 * hook's port (see the security suite) would otherwise hold every panel back. A late reply is
 * still taken in, as new events.
 */
const PULL_TIMEOUT_MS = 1000;

export class HookPuller {
  private port: MessagePort | null = null;
  /** Pulls posted and not yet answered, oldest first. */
  private waiters: Array<() => void> = [];
  /** The mode the hook was last asked for. */
  private live = false;

  attach(port: MessagePort): void {
    this.port = port;
  }

  /**
   * Asks for what the hook holds (and for the mode); resolves once that was taken in (Blob payloads
   * read), or after PULL_TIMEOUT_MS. The timeout is armed only here, for a panel that waits: the
   * doorbell's pulls arm nothing, so a page with no panel listening gets no delayed task of ours.
   */
  pull(live: boolean): Promise<void> {
    return new Promise((resolve) => {
      if (!this.send(live, resolve)) { resolve(); return; }
      // Not setTimeout: timer ids are shared with the page's world, whose own ids would skip.
      AbortSignal.timeout(PULL_TIMEOUT_MS).addEventListener('abort', () => resolve());
    });
  }

  private send(live: boolean, taken: () => void = () => {}): boolean {
    this.live = live;
    if (!this.port) return false;
    this.port.postMessage(live ? 1 : 0);
    this.waiters.push(taken);
    return true;
  }

  /** Back to quiet, unless already asked. */
  quiet(): void {
    if (this.live) this.send(false);
  }

  /** The hook has reports waiting: take them, unless a pull is on its way. */
  doorbell(): void {
    if (!this.waiters.length) this.send(this.live);
  }

  /** A pull's reply was taken in once `settled` resolves. */
  replied(settled: Promise<void>): void {
    const waiter = this.waiters.shift();
    if (waiter) void settled.then(waiter);
  }
}
