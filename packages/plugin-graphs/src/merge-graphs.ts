/**
 * TensorBoard's `merge_graph_defs` (plugins/graph/graph_util.py): the op graph of a
 * RunMetadata summary is the `pre_optimization_graph` of each of its function graphs; one
 * is served as it is, several are put side by side, the i-th (from 1) under the scope
 * `graph_i/` (its nodes' names and inputs prefixed, control inputs too, as `graph_1/^x`),
 * its functions renamed `graph_i_<name>` (and PartitionedCall's `f` with them), its
 * gradients likewise. Versions come from the first graph; graphs of different producers
 * are refused.
 */
import { InvalidArgumentError } from '@tb/core/plugin';
import { msgOf } from './proto/decode.js';
import { copyMsg, list, mapOf, newMsg, num, setField, str, sub, type Msg } from './proto/message.js';

function renamedFunc(node: Msg, prefix: string): Msg {
  const attrs = new Map(mapOf(node, 'attr'));
  const old = msgOf(attrs.get('f'));
  const value = old ? copyMsg(old) : newMsg('AttrValue');
  const oldFunc = sub(value, 'func');
  const func = oldFunc ? copyMsg(oldFunc) : newMsg('NameAttrList');
  setField(func, 'name', `${prefix}_${str(func, 'name')}`);
  setField(value, 'func', func);
  attrs.set('f', value);
  return setField(node, 'attr', attrs);
}

function addPrefixed(prefix: string, graph: Msg, nodes: Msg[], functions: Msg[], gradients: Msg[]): void {
  for (const node of list<Msg>(graph, 'node')) {
    const copy = copyMsg(node);
    setField(copy, 'name', `${prefix}/${str(node, 'name')}`);
    setField(copy, 'input', list<string>(node, 'input').map((input) => `${prefix}/${input}`));
    nodes.push(str(copy, 'op') === 'PartitionedCall' ? renamedFunc(copy, prefix) : copy);
  }
  const library = sub(graph, 'library');
  if (!library) return;
  for (const fn of list<Msg>(library, 'function')) {
    const copy = copyMsg(fn);
    const signature = sub(fn, 'signature');
    const renamed = signature ? copyMsg(signature) : newMsg('OpDef');
    setField(renamed, 'name', `${prefix}_${str(renamed, 'name')}`);
    functions.push(setField(copy, 'signature', renamed));
  }
  for (const gradient of list<Msg>(library, 'gradient')) {
    const copy = copyMsg(gradient);
    setField(copy, 'function_name', `${prefix}_${str(gradient, 'function_name')}`);
    gradients.push(setField(copy, 'gradient_func', `${prefix}_${str(gradient, 'gradient_func')}`));
  }
}

/** The merged GraphDef of `graphs` (an empty one for none, the graph itself for one). */
export function mergeGraphDefs(graphs: readonly Msg[]): Msg {
  if (graphs.length === 1) return graphs[0]!;
  const merged = newMsg('GraphDef');
  if (graphs.length === 0) return merged;
  const firstVersions = sub(graphs[0]!, 'versions');
  if (firstVersions && num(firstVersions, 'producer')) setField(merged, 'versions', firstVersions);
  const producer = firstVersions && num(firstVersions, 'producer') ? num(firstVersions, 'producer') : 0;
  const nodes: Msg[] = [];
  const functions: Msg[] = [];
  const gradients: Msg[] = [];
  graphs.forEach((graph, i) => {
    const versions = sub(graph, 'versions');
    const theirs = versions ? num(versions, 'producer') : 0;
    if (theirs !== producer) {
      throw new InvalidArgumentError(`Cannot combine GraphDefs of different versions (graph ${i + 1} has producer ${theirs}, the first ${producer}).`);
    }
    addPrefixed(`graph_${i + 1}`, graph, nodes, functions, gradients);
  });
  if (nodes.length > 0) setField(merged, 'node', nodes);
  if (functions.length > 0 || gradients.length > 0) {
    const library = newMsg('FunctionDefLibrary');
    if (functions.length > 0) setField(library, 'function', functions);
    if (gradients.length > 0) setField(library, 'gradient', gradients);
    setField(merged, 'library', library);
  }
  return merged;
}
