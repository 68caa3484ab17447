/**
 * Pure string work on SpiderMonkey (Firefox) stack strings: one frame per line,
 * `name@file:line:column\n`, async parents as `cause*name@file:line:column\n`, at most
 * 128 frames for JS errors and 100 for DOMExceptions (both checked in Firefox ESR 153). Used by gecko-errors.ts to compute the stack and
 * location a page would see if the hook's wrapper were not on the stack.
 * String methods are captured: the page may have replaced them by the time this runs (no
 * import of natives.ts, so that this stays testable outside a browser).
 */
const R = Reflect;
const { indexOf: nativeIndexOf, lastIndexOf: nativeLastIndexOf, slice: nativeSlice } = String.prototype;
const indexOf = (s: string, find: string, from?: number): number => R.apply(nativeIndexOf, s, [find, from]);
const lastIndexOf = (s: string, find: string, from?: number): number => R.apply(nativeLastIndexOf, s, from === undefined ? [find] : [find, from]);
const slice = (s: string, start: number, end?: number): string => R.apply(nativeSlice, s, [start, end]);

/** How many frames Firefox keeps in a JS error's stack, and in a DOMException's. */
export const MAX_FRAMES = { js: 128, dom: 100 };

/** A frame's source location as Error#fileName/lineNumber/columnNumber report it. */
export type Location = [file: string, line: number, column: number];

function lineAt(stack: string, start: number): string {
  const end = indexOf(stack, '\n', start);
  return slice(stack, start, end < 0 ? stack.length : end);
}

/** The file a frame line names (`name@file:line:col`), or null when it is not a frame line. */
export function fileOf(line: string): string | null {
  const location = locationOf(line);
  return location && location[0];
}

/** True for the first line of an async parent segment (`cause*name@file:line:col`). */
function isAsyncStart(line: string): boolean {
  const at = indexOf(line, '@');
  return at > 0 && indexOf(slice(line, 0, at), '*') >= 0;
}

/** The location a frame line names; null when the line is not a synchronous frame. */
export function locationOf(line: string): Location | null {
  const at = indexOf(line, '@');
  const colon = lastIndexOf(line, ':');
  const colon2 = colon > 0 ? lastIndexOf(line, ':', colon - 1) : -1;
  if (at < 0 || colon2 <= at || isAsyncStart(line)) return null;
  return [slice(line, at + 1, colon2), +slice(line, colon2 + 1, colon), +slice(line, colon + 1)];
}

/** Keeps at most `max` lines, as Firefox would have captured. */
function capped(stack: string, max: number): string {
  let pos = 0;
  for (let n = 0; n < max; n++) {
    const next = indexOf(stack, '\n', pos);
    if (next < 0) return stack;
    pos = next + 1;
  }
  return slice(stack, 0, pos);
}

/**
 * `stack` as it would read without the hook's frames. `callers` is the stack captured at the
 * wrapper's catch without the wrapper itself (Error.captureStackTrace(o, wrapper)): the frames
 * the error's stack continues with, below the wrapper's line. The hook's frames are the lines of
 * `ownFile` directly above that point (the wrapper, and helpers of ours that called page code).
 * `top` is true when the error's first frame was ours (its recorded location must then change).
 * The result keeps at most `maxFrames` lines (Error.stackTraceLimit). Null when the stack does not have that shape (it
 * then is left as it is).
 */
export function withoutHookFrames(stack: string, callers: string, ownFile: string, maxFrames: number): { stack: string; top: boolean } | null {
  // A limit so low that only the wrapper's frame was captured: Firefox hides it and the stack is
  // empty, where natively it holds the first callers.
  if (stack === '' && callers !== '') return { stack: capped(callers, maxFrames), top: true };
  const isOurs = (start: number) => fileOf(lineAt(stack, start)) === ownFile;
  for (let line = 0, next = 0; line < stack.length; line = next) {
    next = indexOf(stack, '\n', line) + 1;
    if (next === 0) return null; // not newline-terminated: not a SpiderMonkey stack
    const rest = slice(stack, next);
    // With no script frame below the wrapper's, only async parents (if any) follow its line.
    const below = callers === '' ? isAsyncStart(lineAt(rest, 0)) || rest === '' : rest === slice(callers, 0, rest.length);
    if (!isOurs(line) || !below) continue;
    let start = line; // the wrapper's line; helpers of ours directly above it go too
    for (;;) {
      const previous = start < 2 ? start - 1 : lastIndexOf(stack, '\n', start - 2) + 1;
      if (previous < 0 || !isOurs(previous)) break;
      start = previous;
    }
    // Natively, an error raised with no script frame at all has an empty stack (no async parents).
    const tail = callers === '' ? rest : callers;
    if (start === 0 && !locationOf(lineAt(tail, 0))) return { stack: '', top: true };
    return { stack: capped(slice(stack, 0, start) + tail, maxFrames), top: start === 0 };
  }
  return null;
}
