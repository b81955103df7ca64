/**
 * @tb/plugin-profiler: the Profile dashboard. Where a training step spends its time, from
 * PyTorch Kineto traces (`torch.profiler.tensorboard_trace_handler`), PyTorch's older
 * autograd traces and TensorFlow/XLA XSpace profiles: the step-time breakdown with
 * recommendations, operators, kernels, memory, a trace viewer and a run diff. Routes under
 * /data/plugin/profile/ and torch-tb-profiler's /data/plugin/pytorch_profiler/ (see
 * ../http-api.md).
 */
import { definePlugin } from '@tb/core/plugin';
import { PLUGIN_ID, TORCH_PLUGIN_ID } from './metadata.js';
import { needs, routes } from './server.js';
import { PROFILE_FILES } from './trace/discover.js';

export default definePlugin({
  id: PLUGIN_ID,
  title: 'Profile',
  pluginNames: [PLUGIN_ID, TORCH_PLUGIN_ID],
  aliases: [TORCH_PLUGIN_ID],
  needs,
  routes,
  // Cheap, as the listing asks often: a trace or an XSpace file is there.
  isActive: async ({ data }) => (await data.listFiles(PROFILE_FILES)).length > 0,
  // As torch-tb-profiler (disable_reload): a profile does not change under the page.
  reloadable: false,
  // Its runs hold traces, not event files: the page has its own run/worker/span pickers.
  runSelector: false,
});
