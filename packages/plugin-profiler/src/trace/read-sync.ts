/**
 * Reads a whole trace file on the calling thread (`.json` or `.json.gz`). For tests and
 * tools on small traces; the server reads through the streaming parser in a worker.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { traceFromJson } from './from-json.js';
import type { ProfileTrace } from './types.js';

export function readTraceFileSync(file: string): ProfileTrace {
  const bytes = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return traceFromJson(JSON.parse(text));
}
