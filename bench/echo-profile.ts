// `npx tsx bench/echo-profile.ts [text|binary] [rounds]`: a quick paired echo-loop comparison, no extension vs
// extension with DevTools closed (throughput and page main-thread µs per round trip); PROFILE=1 adds a CPU
// profile of the extension page (hook and relay run on its main thread). For iterating on the hook.
import { firstPage, launch } from './lib/browser';
import { PAGES } from './lib/pages';
import { startSink } from './sink-server';
import { startProfile, summarize, timeInScript } from './lib/profile';
const kind = process.argv[2] ?? 'text';
const rounds = Number(process.argv[3] ?? 6);
const sink = await startSink(PAGES);
const setups = [];
for (const ext of [false, true]) {
  const c = await launch(ext);
  const page = await firstPage(c);
  await page.goto(`${sink.url}/echo-page`);
  await page.evaluate(`pingpong(${JSON.stringify(kind)}, 500)`);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  setups.push({ ext, c, page, cdp, rates: [] as number[], us: [] as number[] });
}
const ratios: number[] = [];
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? [1, 0] : [0, 1];
  for (const i of order) {
    const s = setups[i];
    const busy = async () => ((await s.cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1e6;
    const before = await busy();
    const rate = await s.page.evaluate(`pingpong(${JSON.stringify(kind)}, 1500)`) as number;
    s.rates.push(rate);
    s.us.push((await busy() - before) / (rate * 1.5));
  }
  ratios.push(setups[1].rates[r] / setups[0].rates[r]);
}
ratios.sort((a, b) => a - b);
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`${kind}: page main-thread µs per round trip: none ${med(setups[0].us).toFixed(0)}, ext ${med(setups[1].us).toFixed(0)}`);
console.log(`${kind}: none ${setups[0].rates.map(Math.round).join(' ')} | ext ${setups[1].rates.map(Math.round).join(' ')} | median ratio ${ratios[Math.floor(ratios.length / 2)].toFixed(3)} (${ratios.map((x) => x.toFixed(2)).join(' ')})`);
if (process.env.PROFILE) {
  const cdp = await setups[1].page.createCDPSession();
  const stop = await startProfile(cdp, 100);
  const rate = await setups[1].page.evaluate(`pingpong(${JSON.stringify(kind)}, 2000)`);
  const prof = await stop();
  const s = summarize(prof, 25);
  console.log(`rate=${Math.round(rate as number)} busy=${s.busyMs}ms hook=${timeInScript(prof, 'hook').toFixed(0)} relay=${timeInScript(prof, 'relay').toFixed(0)}`);
  for (const t of s.top) console.log(`  ${t.selfMs}\t${t.totalMs}\t${t.fn}\t${t.where}`);
}
for (const s of setups) await s.c.close();
await sink.close();
