/**
 * Whether a CUDA GPU is present, without loading any GPU library: the NVIDIA driver
 * lists its GPUs under /proc/driver/nvidia/gpus on Linux. tfjs-node-gpu loads on
 * machines without one (and then computes on the CPU), so it is tried only where one is.
 */
import { existsSync, readdirSync } from 'node:fs';

/** True when the NVIDIA driver reports at least one GPU. */
export function hasCudaGpu(driverDir = '/proc/driver/nvidia/gpus'): boolean {
  try {
    return existsSync(driverDir) && readdirSync(driverDir).length > 0;
  } catch {
    return false;
  }
}
