/**
 * The hono app: core routes under /data, each plugin's routes under
 * /data/plugin/<id>/, each plugin's built frontend under /plugin/<id>/, and the shell
 * at /. It knows nothing of file formats: data comes from the multiplexer's provider.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import type { ComputeRunner } from '../compute/runner.js';
import { NotFoundError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { LogRootSpec } from '../multiplexer/log-root.js';
import type { LogRootMultiplexer } from '../multiplexer/multiplexer.js';
import type { HostedPlugin } from '../plugins/host.js';
import { limitBodies } from './body-limit.js';
import { compressAnswers } from './compression.js';
import { coreRoutes } from './core-routes.js';
import { errorResponse } from './errors.js';
import { eventsRoute } from './events.js';
import { hostCheck, type AllowedHosts } from './host-check.js';
import { noSniff } from './nosniff.js';
import { pluginRoutes } from './plugin-routes.js';
import { readStatic } from './static-files.js';

/** What the app reads the log root through: the multiplexer, or a test's stand-in. */
export type LogSource = Pick<LogRootMultiplexer, 'provider' | 'status' | 'reload' | 'onChange'> & {
  /** Where the logs are, for the environment answer. */
  readonly roots: readonly LogRootSpec[];
};

export interface AppOptions {
  readonly mux: LogSource;
  readonly plugins: readonly HostedPlugin[];
  readonly compute: ComputeRunner;
  readonly logger: Logger;
  readonly version: string;
  /** '' or '/prefix'. */
  readonly pathPrefix: string;
  readonly windowTitle: string;
  /** The built shell (index.html and assets); null serves a page saying to build it. */
  readonly shellDir: string | null;
  /** Which Host headers are answered (see host-check.ts); default: loopback names only. */
  readonly allowedHosts?: AllowedHosts;
  /** The largest request body, in bytes; default 8 MiB. Larger ones get a 413. */
  readonly maxBodyBytes?: number;
}

/**
 * Builds the app. Plugin routes are mounted now, so wiring errors surface at start-up.
 * Every answer carries `X-Content-Type-Options: nosniff`; foreign Host names get a 403,
 * bodies over the limit a 413, and text answers are compressed when the client accepts it.
 */
export function createApp(o: AppOptions): Hono {
  const root = new Hono();
  const app = o.pathPrefix ? root.basePath(o.pathPrefix) : root;
  root.onError((err, c) => errorResponse(c, err, o.logger));
  root.notFound((c) => errorResponse(c, new NotFoundError(`no route ${c.req.method} ${c.req.path}`), o.logger));
  root.use(noSniff(), hostCheck(o.allowedHosts ?? []), compressAnswers(), limitBodies(o.maxBodyBytes));

  app.route('/data', coreRoutes(o));
  app.route('/data', eventsRoute(o.mux));

  for (const hosted of o.plugins) {
    const { plugin, frontend } = hosted;
    const routes = pluginRoutes(hosted, o.logger);
    for (const id of [plugin.id, ...(plugin.aliases ?? [])]) app.route(`/data/plugin/${id}`, routes);

    app.get(`/plugin/${plugin.id}/*`, async (c) => {
      const rel = c.req.path.slice(`${o.pathPrefix}/plugin/${plugin.id}/`.length);
      const file = frontend ? await readStatic(frontend.dir, rel) : null;
      if (!file) {
        return c.json({ error: { status: 404, message: `plugin '${plugin.id}' has no frontend file '${rel}'`, plugin: plugin.id } }, 404);
      }
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': file.contentType, 'Cache-Control': file.cacheControl });
    });
  }

  const indexHtml = async (): Promise<string> => {
    const config = JSON.stringify({ pathPrefix: o.pathPrefix, windowTitle: o.windowTitle }).replace(/</g, '\\u003c');
    const script = `<script>window.__TB_CONFIG__ = ${config};</script>`;
    if (!o.shellDir) return missingShellPage(script);
    const html = await readFile(path.join(o.shellDir, 'index.html'), 'utf8').catch(() => null);
    return html === null ? missingShellPage(script) : html.replace('<!--TB_CONFIG-->', script);
  };
  const page = async (c: Context) => c.html(await indexHtml(), 200, { 'Cache-Control': 'no-cache' });
  if (o.pathPrefix) {
    // The page's scripts are relative: /prefix must become /prefix/.
    root.get(o.pathPrefix, (c) => c.redirect(`${o.pathPrefix}/`, 301));
    root.get(`${o.pathPrefix}/`, page);
  }
  app.get('/', page);
  app.get('/index.html', page);
  app.get('/*', async (c, next) => {
    if (!o.shellDir) return next();
    const rel = o.pathPrefix ? c.req.path.slice(o.pathPrefix.length) : c.req.path;
    if (rel.startsWith('/data/') || rel.startsWith('/plugin/')) return next();
    const file = await readStatic(o.shellDir, rel);
    if (!file) return next();
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': file.contentType, 'Cache-Control': file.cacheControl });
  });
  return root;
}

function missingShellPage(script: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>tb-core</title>${script}</head>
<body><p>The tb-core page is not built. Run <code>npx -y pnpm@9 run build</code>; the data routes under /data work meanwhile.</p></body></html>`;
}
