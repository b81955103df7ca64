/**
 * One profile load from its bytes to its analysis: what the loader's worker thread runs
 * (and the calling thread, when no built worker exists). A Chrome trace (plain or gzip,
 * told apart by its first bytes) goes through the streaming parser and
 * `buildRunProfile`; an XSpace is read whole, decoded and analysed by ../xplane/.
 */
import { buildRunProfile, type RunProfile } from '../profile/build.js';
import { buildXSpaceProfile, decodeXSpace, type XSpaceProfile } from '../xplane/index.js';
import { parseTraceStream } from './parse-stream.js';
import type { ProfileId } from './types.js';
import type { ProfileKind } from './discover.js';

/** Options of {@link runLoadJob}. */
export interface LoadJobOptions {
  readonly signal?: AbortSignal;
  readonly onWarning?: (message: string) => void;
}

/** The analysis of the profile in `chunks`. */
export async function runLoadJob(kind: ProfileKind, id: ProfileId, chunks: AsyncIterable<Uint8Array>, options: LoadJobOptions = {}): Promise<ProfileAnalysis> {
  if (kind === 'xspace') return loadXSpace(id, chunks, options);
  const { gzip, rest } = await sniffGzip(chunks);
  const trace = await parseTraceStream(rest, { gzip, signal: options.signal, onWarning: options.onWarning });
  options.signal?.throwIfAborted();
  return buildRunProfile(trace, id);
}

/** What a load yields: a trace's analysis, or an XSpace's (tell them apart by `format`). */
export type ProfileAnalysis = RunProfile | XSpaceProfile;

async function loadXSpace(id: ProfileId, chunks: AsyncIterable<Uint8Array>, options: LoadJobOptions): Promise<XSpaceProfile> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const c of chunks) {
    options.signal?.throwIfAborted();
    parts.push(c);
    length += c.length;
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  options.signal?.throwIfAborted();
  return buildXSpaceProfile(decodeXSpace(bytes), id);
}

/** Whether the stream starts with gzip's magic bytes, and the stream with nothing consumed. */
export async function sniffGzip(chunks: AsyncIterable<Uint8Array>): Promise<{ gzip: boolean; rest: AsyncIterable<Uint8Array> }> {
  const it = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let seen = 0;
  let done = false;
  while (seen < 2) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    head.push(r.value);
    seen += r.value.length;
  }
  const first = new Uint8Array(Math.min(seen, 2));
  let at = 0;
  for (const h of head) {
    const take = h.subarray(0, first.length - at);
    first.set(take, at);
    at += take.length;
    if (at === first.length) break;
  }
  const gzip = first.length === 2 && first[0] === 0x1f && first[1] === 0x8b;
  async function* rest(): AsyncGenerator<Uint8Array> {
    yield* head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { gzip, rest: rest() };
}
