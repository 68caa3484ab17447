/**
 * The hook's tools — rules, breakpoints and the panel's commands — injected by the background
 * into a frame's page world (scripting.executeScript) only when a panel first needs them, so
 * that every page does not pay for them. Finds the core (core.ts) and installs itself; does
 * nothing where there is no core, or when the tools are already there.
 */
import { createCommands } from './commands';
import { TOOLS_KEY, type Core } from './core';
import { createIntercept } from './intercept';

try {
  const toString = Function.prototype.toString;
  const core: unknown = Reflect.apply(toString, toString, [TOOLS_KEY]);
  if (typeof core === 'object' && core !== null) {
    const c = core as Core;
    const intercept = createIntercept(c);
    c.install({ ...intercept, run: createCommands(c, intercept) });
  }
} catch {
  // No core in this frame: nothing to do.
}
