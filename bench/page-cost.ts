/**
 * Cost per page: the page-world hook's size (as built, minified; and gzipped) and the time
 * the extension adds to loading a page (navigation timing, with vs without the extension,
 * loads alternating between the two browsers, median).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extensionDir, firstPage, launch } from './lib/browser';
import { median, type Metric, type SuiteResult } from './lib/metrics';
import { PAGES } from './lib/pages';
import { startProfile, timeInScript } from './lib/profile';
import { startSink } from './sink-server';

interface Timing { dcl: number; load: number; first: number }

export async function benchPageCost({ loads }: { loads: number }): Promise<SuiteResult> {
  const hook = readFileSync(join(extensionDir(), 'src/hook/index.iife.js'));
  const relay = readFileSync(join(extensionDir(), 'src/relay/index.iife.js'));
  const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

  const sink = await startSink(PAGES);
  const without = await launch(false), withExt = await launch(true);
  const times: Record<'without' | 'with', Timing[]> = { without: [], with: [] };
  const scriptMs = { hook: 0, relay: 0 };
  try {
    const pages = { without: await firstPage(without), with: await firstPage(withExt) };
    const loadOnce = async (which: 'without' | 'with', i: number): Promise<Timing> => {
      await pages[which].goto(`${sink.url}/load?${which}${i}`, { waitUntil: 'load' });
      return pages[which].evaluate(`(() => { const n = performance.getEntriesByType('navigation')[0];
        return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, first: window.firstScript - n.responseStart }; })()`) as Promise<Timing>;
    };
    for (let i = 0; i < 5; i++) for (const which of ['without', 'with'] as const) await loadOnce(which, -1 - i); // warm up
    for (let i = 0; i < loads; i++) {
      const order = i % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const);
      for (const which of order) times[which].push(await loadOnce(which, i));
    }
    // CPU time in our content scripts (sampled, in extra loads: the profiler slows loading down).
    const stopProfile = await startProfile(await pages.with.createCDPSession(), 50);
    for (let i = 0; i < 10; i++) await loadOnce('with', 1000 + i);
    const profile = await stopProfile();
    scriptMs.hook = timeInScript(profile, '/src/hook/') / 10;
    scriptMs.relay = timeInScript(profile, '/src/relay/') / 10;
  } finally {
    await without.close();
    await withExt.close();
    await sink.close();
  }

  const med = (which: 'without' | 'with', key: keyof Timing) => median(times[which].map((t) => t[key]));
  const addedDcl = med('with', 'dcl') - med('without', 'dcl');
  const addedLoad = med('with', 'load') - med('without', 'load');
  const metrics: Metric[] = [
    { id: 'page.hook-size', label: 'page-world hook, minified (index.iife.js)', value: hook.length, shown: `${hook.length} B (gzip ${gz(hook)} B)`, unit: 'B', budget: { op: '<=', value: 6144 } },
    { id: 'page.load-added', label: `page load: time added to loadEventEnd (median of ${loads})`, value: addedLoad, shown: `${addedLoad.toFixed(1)} ms`, unit: 'ms' },
  ];
  const details = [{
    title: `Navigation timing of a small page with an iframe (ms from navigation start, ${loads} loads each, alternating)`,
    rows: [
      { measure: 'hook (MAIN world) size', value: `${hook.length} B minified, ${gz(hook)} B gzip` },
      { measure: 'relay (ISOLATED world) size', value: `${relay.length} B minified, ${gz(relay)} B gzip` },
      { measure: 'domContentLoadedEventEnd without → with', value: `${med('without', 'dcl').toFixed(1)} → ${med('with', 'dcl').toFixed(1)} ms (+${addedDcl.toFixed(1)})` },
      { measure: 'loadEventEnd without → with', value: `${med('without', 'load').toFixed(1)} → ${med('with', 'load').toFixed(1)} ms (+${addedLoad.toFixed(1)})` },
      { measure: 'JS time per load in our content scripts (CPU profile, main document + iframe)', value: `hook ${scriptMs.hook.toFixed(2)} ms, relay ${scriptMs.relay.toFixed(2)} ms (compilation not included)` },
      { measure: "page's first script runs, ms after responseStart, without → with (document_start scripts run before it)", value: `${med('without', 'first').toFixed(2)} → ${med('with', 'first').toFixed(2)} ms (+${(med('with', 'first') - med('without', 'first')).toFixed(2)})` },
    ],
  }];
  return { metrics, details };
}
