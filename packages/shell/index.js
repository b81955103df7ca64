// @tb/shell at run time: where its built page is. Nothing here loads the page's code.
import { fileURLToPath } from 'node:url';

/** The absolute path of the built shell (index.html and its assets); it exists once `pnpm build` ran. */
export const shellDir = fileURLToPath(new URL('./dist/', import.meta.url));
