// Writes a synthetic Kineto trace with the event mix and args of the corpus ResNet-50
// traces (torch.profiler on a V100): ProfilerStep#N spans, CPU ops with input dims, input
// types and call stacks, nested aten ops, [memory] instants, CUDA runtime launches with
// correlation ids, kernels / memcpy / memset on "stream 7", their 's'/'f' flows, and the
// process/thread metadata. Deterministic (seeded), streamed to disk in ~1 MB writes.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const OPS = [
  ['aten::conv2d', [[32, 64, 56, 56], [64, 64, 3, 3], [], [], [], [], []], ['float', 'float', '', 'GenericList', 'GenericList', 'GenericList', 'Int']],
  ['aten::batch_norm', [[32, 64, 56, 56], [64], [64], [64], [64], [], [], [], []], ['float', 'float', 'float', 'float', 'float', 'Bool', 'Double', 'Double', 'Bool']],
  ['aten::relu_', [[32, 64, 56, 56]], ['float']],
  ['aten::add_', [[32, 256, 56, 56], [32, 256, 56, 56], []], ['float', 'float', 'Int']],
  ['aten::max_pool2d', [[32, 64, 112, 112], [], [], [], [], []], ['float', 'GenericList', 'GenericList', 'GenericList', 'GenericList', 'Bool']],
  ['aten::linear', [[32, 2048], [1000, 2048], [1000]], ['float', 'float', 'float']],
];
const CHILD = ['aten::empty', [[], [], [], [], [], []], ['GenericList', 'Int', '', '', 'Bool', '']];
const KERNELS = [
  'volta_scudnn_128x64_relu_interior_nn_v1',
  'void cudnn::bn_fw_tr_1C11_kernel_NCHW<float, float, int, 512, true, 1>(cudnnTensorStruct, float const*)',
  'void at::native::vectorized_elementwise_kernel<4, at::native::(anonymous namespace)::clamp_min_scalar_kernel_impl>',
  'void at::native::vectorized_elementwise_kernel<4, at::native::AddFunctor<float>, at::detail::Array<char*, 3> >',
  'void at::native::(anonymous namespace)::max_pool_forward_nchw<float, float>(int, float const*, int, int, int, int)',
  'volta_sgemm_128x64_tn',
];
const STACK =
  '/home/user/anaconda3/envs/kineto/lib/python3.7/site-packages/torch/nn/modules/conv.py(443): forward;' +
  '/home/user/anaconda3/envs/kineto/lib/python3.7/site-packages/torch/nn/modules/module.py(1051): _call_impl;' +
  'resnet50_profiler_api.py(47): <module>';
const PID = 25738;

/** Writes about `targetBytes` of trace JSON to `file`; resolves to { bytes, events }. */
export async function generateTrace(file, targetBytes) {
  const out = createWriteStream(file);
  let buf = '';
  let bytes = 0;
  let events = 0;
  const write = async (s) => {
    buf += s;
    if (buf.length > 1 << 20) {
      bytes += Buffer.byteLength(buf);
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  };
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const ev = (e) => {
    events++;
    return `,\n  ${JSON.stringify(e)}`;
  };
  await write(`{\n  "schemaVersion": 1,\n  "deviceProperties": [{"id": 0, "name": "Tesla V100-DGXS-32GB", "totalGlobalMem": 34084028416, "computeMajor": 7, "computeMinor": 0, "maxThreadsPerBlock": 1024, "maxThreadsPerMultiprocessor": 2048, "regsPerBlock": 65536, "regsPerMultiprocessor": 65536, "warpSize": 32, "sharedMemPerBlock": 49152, "sharedMemPerMultiprocessor": 98304, "numSms": 80, "sharedMemPerBlockOptin": 98304}],\n  "traceEvents": [\n`);
  events++;
  await write(`  ${JSON.stringify({ name: 'process_name', ph: 'M', ts: 1623142623460016, pid: PID, tid: 0, args: { name: 'python' } })}`);
  await write(ev({ name: 'process_name', ph: 'M', ts: 1623142623460016, pid: 0, tid: 0, args: { name: 'python' } }));
  await write(ev({ name: 'thread_name', ph: 'M', ts: 1623142623460016, pid: 0, tid: 'stream 7', args: { name: 'stream 7' } }));
  let ts = 1623142623460111;
  let ext = 1;
  let corr = 30000;
  for (let step = 0; bytes + buf.length < targetBytes; step++) {
    const stepStart = ts;
    const opsPerStep = 300;
    const stepDur = opsPerStep * 40;
    await write(ev({ ph: 'X', cat: 'Operator', name: `ProfilerStep#${step}`, pid: PID, tid: String(PID), ts: stepStart, dur: stepDur, args: { 'External id': ext++, 'Trace name': 'PyTorch Profiler', 'Trace iteration': 0 } }));
    for (let k = 0; k < opsPerStep; k++) {
      const [name, dims, types] = OPS[k % OPS.length];
      const t0 = stepStart + 5 + k * 40;
      const id = ext++;
      await write(ev({ ph: 'X', cat: 'Operator', name, pid: PID, tid: String(PID), ts: t0, dur: 30, args: { Device: PID, 'External id': id, 'Trace name': 'PyTorch Profiler', 'Trace iteration': 0, 'Input Dims': dims, 'Call stack': STACK, 'Input type': types } }));
      await write(ev({ ph: 'X', cat: 'Operator', name: CHILD[0], pid: PID, tid: String(PID), ts: t0 + 1, dur: 3, args: { Device: PID, 'External id': ext++, 'Trace name': 'PyTorch Profiler', 'Trace iteration': 0, 'Input Dims': CHILD[1], 'Call stack': STACK, 'Input type': CHILD[2] } }));
      const size = 4 * dims[0].reduce((a, b) => a * b, 1);
      await write(ev({ ph: 'i', s: 't', name: '[memory]', pid: PID, tid: PID, ts: t0 + 2, args: { 'Device Type': 1, 'Device Id': 0, Addr: 140000000000 + k * 4096, Bytes: size } }));
      const c = corr++;
      await write(ev({ ph: 'X', cat: 'Runtime', name: 'cudaLaunchKernel', pid: PID, tid: String(PID), ts: t0 + 6, dur: 8, args: { cbid: 211, correlation: c, 'external id': id, 'external ts': t0 } }));
      await write(ev({ ph: 's', id: c, pid: PID, tid: PID, ts: t0 + 6, cat: 'async', name: 'launch' }));
      const kts = t0 + 15 + Math.floor(rand() * 5);
      if (k % 50 === 7) {
        await write(ev({ ph: 'X', cat: 'Memcpy', name: 'Memcpy HtoD (Pageable -> Device)', pid: 0, tid: 'stream 7', ts: kts, dur: 19, args: { device: 0, context: 1, stream: 7, correlation: c, 'external id': id, bytes: size, 'memory bandwidth (GB/s)': size / 19e3 } }));
      } else if (k % 50 === 9) {
        await write(ev({ ph: 'X', cat: 'Memset', name: 'Memset (Device)', pid: 0, tid: 'stream 7', ts: kts, dur: 1, args: { device: 0, context: 1, stream: 7, correlation: c, 'external id': id, bytes: 128000, 'memory bandwidth (GB/s)': 88.88888888888889 } }));
      } else {
        const blocks = 1 + Math.floor(rand() * 4000);
        await write(ev({ ph: 'X', cat: 'Kernel', name: KERNELS[k % KERNELS.length], pid: 0, tid: 'stream 7', ts: kts, dur: 10 + Math.floor(rand() * 20), args: { queued: 0, device: 0, context: 1, stream: 7, correlation: c, 'external id': id, 'registers per thread': 38, 'shared memory': 0, 'blocks per SM': blocks / 80, 'warps per SM': (blocks * 8) / 80, grid: [blocks, 1, 1], block: [256, 1, 1], 'est. achieved occupancy %': Math.min(100, Math.round(blocks / 10)) } }));
      }
      await write(ev({ ph: 'f', id: c, pid: 0, tid: 'stream 7', ts: kts, cat: 'async', name: 'launch', bp: 'e' }));
      await write(ev({ ph: 'i', s: 't', name: '[memory]', pid: PID, tid: PID, ts: t0 + 29, args: { 'Device Type': 1, 'Device Id': 0, Addr: 140000000000 + k * 4096, Bytes: -size } }));
    }
    ts = stepStart + stepDur + 10;
  }
  await write(ev({ ph: 'X', cat: 'Trace', ts: 1623142623460016, dur: ts - 1623142623460016, pid: 'Traces', tid: 'PyTorch Profiler', name: 'PyTorch Profiler (0)', args: { 'Op count': 0 } }));
  buf += '\n  ],\n  "traceName": "synthetic.pt.trace.json"\n}\n';
  bytes += Buffer.byteLength(buf);
  out.end(buf);
  await once(out, 'finish');
  return { bytes, events };
}
