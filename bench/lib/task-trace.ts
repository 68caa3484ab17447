/**
 * The main-thread tasks of one kind of renderer process, from a Chromium trace (`toplevel`
 * category): each task's wall time and its thread (CPU) time. The Long Tasks API gives only
 * wall time, which on a 2-core machine shared with the page, DevTools and the service worker is
 * mostly time spent waiting for a core: a task of 10 ms CPU can take 100 ms. Thread time is what
 * the panel itself costs.
 */
import type { Chromium } from '../../test/helpers/chromium';

export interface TaskTimes { wallMs: number; cpuMs: number }

interface TraceEvent { ph: string; name: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }

/** Starts tracing the whole browser; the returned function stops and gives the tasks of `processName`'s main thread. */
export async function traceMainThreadTasks(chromium: Chromium, processName = 'Extension Renderer'): Promise<() => Promise<TaskTimes[]>> {
  const cdp = await chromium.browser.target().createCDPSession();
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d: { value: TraceEvent[] }) => { for (const e of d.value) events.push(e); });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel'] }, transferMode: 'ReportEvents' } as never);
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => {});
    const processes = new Set(events.filter((e) => e.ph === 'M' && e.name === 'process_name' && e.args?.name === processName).map((e) => e.pid));
    const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && processes.has(e.pid)).map((e) => `${e.pid}:${e.tid}`));
    return events
      .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(`${e.pid}:${e.tid}`))
      .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
  };
}
