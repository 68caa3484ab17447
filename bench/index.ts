/**
 * `npm run bench`: performance measurements in headless Chromium with real servers on
 * 127.0.0.1. Not part of `npm test`. Prints one table per benchmark.
 */
import { cpus } from 'node:os';
import { benchPanelMillion } from './panel-million';

console.log(`wsinspect bench — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
console.log('\nPanel with 1,000,000 frames (real pipeline: page → hook → relay → background → panel)');
console.table(Object.fromEntries(await benchPanelMillion()));
