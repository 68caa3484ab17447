/** How a bundled client hands its outcome to the test: `window.result`, read with page.evaluate. */
export const config = (window as unknown as { config: Record<string, any> }).config;

export function report(run: () => Promise<object>): void {
  run().then(
    (result) => { (window as any).result = result; },
    (error) => { (window as any).result = { error: String(error?.stack ?? error) }; },
  );
}

/** Resolves when `check()` holds, polling (the libraries' own events feed the state it reads). */
export function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() > deadline) reject(new Error(`page timed out waiting for ${what}`));
      else setTimeout(poll, 10);
    };
    poll();
  });
}
