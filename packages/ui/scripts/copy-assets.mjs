// Copies the non-TypeScript assets of @tb/ui (the theme's CSS) from src/ to dist/,
// after `tsc -b tsconfig.build.json` has emitted the JavaScript and declarations.
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const assets = ['theme.css'];

await mkdir(new URL('dist/', root), { recursive: true });
for (const name of assets) {
  await copyFile(fileURLToPath(new URL(`src/${name}`, root)), fileURLToPath(new URL(`dist/${name}`, root)));
}
