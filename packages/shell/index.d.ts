/**
 * The absolute path of the built shell: the folder holding index.html (with its
 * `<!--TB_CONFIG-->` marker) and its content-hashed scripts and styles. It exists once the
 * package is built (`node scripts/build.mjs`); the server checks before serving from it.
 */
export declare const shellDir: string;
