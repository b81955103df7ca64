/**
 * TensorBoard's `prepare_graph_for_ui` (backend/process_graph.py): with `limit_attr_size`,
 * every attr of a graph's top-level nodes whose AttrValue serializes to more bytes than the
 * limit is dropped, and its name is appended to the list attr `large_attrs_key`, so that
 * the page can say which attrs were too large. Here without touching the cached graph:
 * the nodes that lose attrs are copies.
 */
import { InvalidArgumentError } from '@tb/core/plugin';
import { NO_PACE, type Pace } from './pace.js';
import { byteSize } from './proto/byte-size.js';
import { msgOf } from './proto/decode.js';
import { copyMsg, isLazy, isMsg, list, newMsg, setField, slotOf, type MapKey, type Msg, type Value } from './proto/message.js';

/** The `limit_attr_size` and `large_attrs_key` of a request. */
export interface AttrLimit {
  readonly limitAttrSize: number | undefined;
  readonly largeAttrsKey: string | undefined;
}

/** Refuses what TensorBoard refuses: a limit without a key, a limit of 0 or less. */
export function checkAttrLimit({ limitAttrSize, largeAttrsKey }: AttrLimit): void {
  if (limitAttrSize === undefined) return;
  if (largeAttrsKey === undefined) {
    throw new InvalidArgumentError('large_attrs_key must be given when limit_attr_size is (found limit_attr_size without it)');
  }
  if (limitAttrSize <= 0) throw new InvalidArgumentError(`limit_attr_size must be > 0, but is ${limitAttrSize}`);
}

const encoder = new TextEncoder();

function withLargeAttrs(node: Msg, attrs: Map<MapKey, Value>, key: string, dropped: readonly string[]): Msg {
  const next = new Map(attrs);
  for (const name of dropped) next.delete(name);
  const old = msgOf(next.get(key));
  const value = old ? copyMsg(old) : newMsg('AttrValue');
  const oldList = old ? slotOf(old, 'list') : undefined;
  const listValue = isMsg(oldList) ? copyMsg(oldList) : newMsg('AttrValue.ListValue');
  setField(listValue, 's', [...list(listValue, 's'), ...dropped.map((name) => encoder.encode(name))]);
  setField(value, 'list', listValue);
  next.set(key, value);
  return setField(copyMsg(node), 'attr', next);
}

/**
 * The graph as TensorBoard serves it for these limits: `graph` itself when nothing is
 * dropped, else a copy whose oversized attrs are replaced as described above. Sizing every
 * attr of a big graph takes a while: it pauses between nodes as `clock` says.
 */
export async function limitAttrs(graph: Msg, limit: AttrLimit, clock: Pace = NO_PACE): Promise<Msg> {
  checkAttrLimit(limit);
  const { limitAttrSize, largeAttrsKey } = limit;
  if (limitAttrSize === undefined || largeAttrsKey === undefined) return graph;
  const nodes = list<Msg>(graph, 'node');
  let changed: Msg[] | undefined;
  for (let i = 0; i < nodes.length; i++) {
    if ((i & 63) === 63 && clock.due()) await clock.pause();
    const node = nodes[i]!;
    const attrs = slotOf(node, 'attr');
    if (!(attrs instanceof Map)) continue;
    const dropped: string[] = [];
    for (const [name, value] of attrs) if ((isMsg(value) || isLazy(value)) && byteSize(value) > limitAttrSize) dropped.push(String(name));
    if (dropped.length === 0) continue;
    changed ??= nodes.slice();
    changed[i] = withLargeAttrs(node, attrs, largeAttrsKey, dropped);
  }
  return changed ? setField(copyMsg(graph), 'node', changed) : graph;
}
