/**
 * @tb/plugin-text: the Text dashboard. Backend routes under /data/plugin/text/
 * (TensorBoard-compatible: markdown rendered and sanitized on the server; see
 * ../http-api.md) and a federated Preact frontend.
 */
import { definePlugin } from '@tb/core/plugin';
import { PLUGIN_ID, PLUGIN_NAME } from './metadata.js';
import { needs, routes } from './server.js';

export default definePlugin({ id: PLUGIN_ID, title: 'Text', pluginNames: [PLUGIN_NAME], needs, routes });
export { markdownToSafeHtml, markdownsToSafeHtml, safeHtml } from './safe-html.js';
export { ALLOWED_TAGS, ALLOWED_ATTRIBUTES, ALLOWED_SCHEMES } from './allow-list.js';
export { textToHtml, makeTable } from './text-html.js';
