/**
 * Sampling CPU profiles over CDP (`Profiler` domain) of one target — a page (its main and
 * isolated worlds share an isolate), our panel's frame, or the service worker — summed by
 * function: where the time goes. Used by `npm run bench -- --profile` and when profiling
 * by hand.
 */
import type { CDPSession } from 'puppeteer-core';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
export interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface ProfileSummary { totalMs: number; busyMs: number; top: Array<{ fn: string; where: string; selfMs: number; totalMs: number }> }

export async function startProfile(cdp: CDPSession, intervalUs = 200): Promise<() => Promise<Profile>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return async () => (await cdp.send('Profiler.stop')).profile as unknown as Profile;
}

/** Sampled time (ms) with a function from a script whose URL contains `urlPart` anywhere on the stack. */
export function timeInScript(profile: Profile, urlPart: string): number {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inside = new Map<number, boolean>();
  const isInside = (id: number): boolean => {
    const known = inside.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const v = byId.get(id)!.callFrame.url.includes(urlPart) || (up !== undefined && isInside(up));
    inside.set(id, v);
    return v;
  };
  let ms = 0;
  profile.samples.forEach((id, i) => { if (isInside(id)) ms += (profile.timeDeltas[i] ?? 0) / 1000; });
  return ms;
}

const short = (url: string) => url.replace(/^chrome-extension:\/\/[a-z]+\//, 'ext:/').replace(/^https?:\/\/[^/]+/, '').slice(-48);

export function summarize(profile: Profile, limit = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const key = (n: Node) => `${n.callFrame.functionName || '(anonymous)'}\u0000${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  const selfBy = new Map<string, number>(), totalBy = new Map<string, number>();
  let idle = 0, all = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    all += ms;
    if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') { idle += node.callFrame.functionName === '(idle)' ? ms : 0; }
    selfBy.set(key(node), (selfBy.get(key(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
    }
  }
  const top = [...selfBy].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, limit).map(([k, ms]) => {
    const [fn, where] = k.split('\u0000');
    return { fn, where, selfMs: Math.round(ms), totalMs: Math.round(totalBy.get(k) ?? ms) };
  });
  return { totalMs: Math.round(all), busyMs: Math.round(all - idle), top };
}
