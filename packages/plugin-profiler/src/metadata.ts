/**
 * The profiler plugin's identity. Its tab is TensorBoard's `profile`; its routes answer
 * under /data/plugin/profile/ and, with torch-tb-profiler's JSON shapes, under
 * /data/plugin/pytorch_profiler/ (an alias), so that torch-tb-profiler's own figures can
 * be checked against ours.
 */
export const PLUGIN_ID = 'profile';
export const TORCH_PLUGIN_ID = 'pytorch_profiler';
