/** Small graphs for the unit tests, written as GraphDef nodes. */
import type { GraphJsonNode } from '../graph-json.js';

/** A node with the given name, op and inputs; `shapes` become its `outputShapes`. */
export function node(name: string, op: string, inputs: readonly string[] = [], shapes?: readonly (readonly number[] | null)[]): GraphJsonNode {
  return { name, op, inputs, device: '', attr: {}, ...(shapes ? { outputShapes: shapes } : {}) };
}

/**
 * A stack of `n` identical dense layers `model/layer_<i>` (MatMul + BiasAdd + Relu, with
 * their weights), fed by `input` and read by `loss`.
 */
export function layeredGraph(n: number): GraphJsonNode[] {
  const nodes: GraphJsonNode[] = [node('input', 'Placeholder', [], [[-1, 784]])];
  let prev = 'input';
  for (let i = 0; i < n; i++) {
    const s = `model/layer_${i}`;
    nodes.push(
      node(`${s}/kernel`, 'VariableV2', [], [[784, 784]]),
      node(`${s}/bias`, 'VariableV2', [], [[784]]),
      node(`${s}/MatMul`, 'MatMul', [prev, `${s}/kernel`], [[-1, 784]]),
      node(`${s}/BiasAdd`, 'BiasAdd', [`${s}/MatMul`, `${s}/bias`], [[-1, 784]]),
      node(`${s}/Relu`, 'Relu', [`${s}/BiasAdd`], [[-1, 784]]),
    );
    prev = `${s}/Relu`;
  }
  nodes.push(node('loss', 'Mean', [prev, '^init']), node('init', 'NoOp'));
  return nodes;
}
