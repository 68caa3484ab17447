// Builds both browsers' unpacked extensions: dist/chrome and dist/firefox.
import { build } from 'vite';

for (const mode of ['chrome', 'firefox']) {
  await build({ mode, logLevel: 'warn' });
  console.log(`built dist/${mode}`);
}
