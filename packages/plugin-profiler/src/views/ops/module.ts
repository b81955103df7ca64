/**
 * The module view: nn.Module forwards (`python_function` events with a module id)
 * aggregated per (name, module id), arranged in the module hierarchy that the Python
 * stack ids (`Python id` → `Python parent id`) describe.
 */
import { isOperatorNode } from '../../model/nodes.js';
import type { OperatorNode, ProfileModel, PythonFunction } from '../../model/types.js';
import type { ModuleStats, OpsProfile } from './types.js';

interface ModuleShape {
  readonly name: string;
  readonly moduleId: number;
  readonly children: ModuleShape[];
}

/** The distinct module hierarchies (roots), from the Python call-stack ids. */
function moduleHierarchy(fns: readonly PythonFunction[]): ModuleShape[] {
  const byId = new Map<unknown, PythonFunction>();
  for (const f of fns) byId.set(f.pythonId, f);
  const childIds = new Map<unknown, unknown[]>();
  for (const f of fns) {
    if (!childIds.has(f.pythonId)) childIds.set(f.pythonId, []);
    if (!childIds.has(f.pythonParentId)) childIds.set(f.pythonParentId, []);
    childIds.get(f.pythonParentId)!.push(f.pythonId);
  }
  const parentOf = new Map<unknown, unknown>();
  const seen = new Set<string>();
  let walkId = 0;
  const identity = new Map<PythonFunction, number>();
  for (const [id, kids] of childIds) {
    if (kids.length > 0) continue;
    let e = byId.get(id);
    let current: PythonFunction | undefined;
    while (e) {
      if (e.moduleId !== undefined) {
        if (current) parentOf.set(current.pythonId, e.pythonId);
        current = e;
        if (!parentOf.has(e.pythonId)) parentOf.set(e.pythonId, null);
      }
      if (current && !identity.has(current)) identity.set(current, ++walkId);
      const key = `${String(e.pythonId)}/${current ? identity.get(current) : 0}`;
      if (seen.has(key)) break;
      seen.add(key);
      e = byId.get(e.pythonParentId);
    }
  }
  const moduleChildren = new Map<unknown, unknown[]>();
  for (const [child, parent] of parentOf) {
    if (!moduleChildren.has(child)) moduleChildren.set(child, []);
    if (!moduleChildren.has(parent)) moduleChildren.set(parent, []);
    moduleChildren.get(parent)!.push(child);
  }
  const build = (id: unknown, depth: number): ModuleShape => {
    const f = byId.get(id) as PythonFunction;
    const kids = depth > 10_000 ? [] : (moduleChildren.get(id) ?? []);
    return { name: f.name, moduleId: f.moduleId ?? 0, children: kids.map((k) => build(k, depth + 1)) };
  };
  const unique = new Map<string, ModuleShape>();
  for (const [id, parent] of parentOf) {
    if (parent !== null) continue;
    const root = build(id, 0);
    const key = JSON.stringify(root);
    if (!unique.has(key)) unique.set(key, root);
  }
  return [...unique.values()];
}

const WALKED_KINDS = new Set(['profilerStep', 'module', 'operator', 'optimizer', 'dataLoader']);

/** Module nodes of every tree, reached through steps, modules, operators, optimizers and data loaders. */
function moduleNodes(model: ProfileModel): OperatorNode[] {
  const out: OperatorNode[] = [];
  for (const t of model.trees) {
    const todo = [...t.root.children].reverse();
    while (todo.length > 0) {
      const n = todo.pop() as OperatorNode;
      if (!WALKED_KINDS.has(n.kind)) continue;
      if (n.kind === 'module') out.push(n);
      for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i] as OperatorNode);
    }
  }
  return out;
}

interface Agg { occurences: number; operators: number; host: number; selfHost: number; device: number; selfDevice: number }

/** The module view's rows (top level sorted by name); undefined when the trace has no module events. */
export function moduleStatsOf(model: ProfileModel): ModuleStats[] | undefined {
  const nodes = moduleNodes(model);
  const roots = moduleHierarchy(model.pythonFunctions);
  if (nodes.length === 0 || roots.length === 0) return undefined;
  const aggs = new Map<string, Agg>();
  for (const m of nodes) {
    const key = `${m.name}\u0000${m.moduleId ?? 0}`;
    let a = aggs.get(key);
    if (!a) aggs.set(key, (a = { occurences: 0, operators: 0, host: 0, selfHost: 0, device: 0, selfDevice: 0 }));
    a.occurences += 1;
    a.operators += m.children.filter(isOperatorNode).length;
    a.host += m.endTime - m.startTime;
    a.selfHost += m.selfHostDuration;
    a.device += m.deviceDuration;
    a.selfDevice += m.selfDeviceDuration;
  }
  const stats = (m: ModuleShape): ModuleStats => {
    const a = aggs.get(`${m.name}\u0000${m.moduleId}`) ?? { occurences: 0, operators: 0, host: 0, selfHost: 0, device: 0, selfDevice: 0 };
    const avgDevice = a.occurences > 0 ? a.device / a.occurences : 0;
    const avgHost = a.occurences > 0 ? a.host / a.occurences : 0;
    return {
      name: m.name.replaceAll('nn.Module: ', ''),
      id: m.moduleId,
      occurences: a.occurences,
      operators: a.operators,
      host_duration: a.host,
      self_host_duration: a.selfHost,
      device_duration: a.device,
      self_device_duration: a.selfDevice,
      avg_duration: avgDevice > 0 ? avgDevice : avgHost,
      children: m.children.map(stats),
    };
  };
  return roots.map(stats).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/** The `module` answer: columns and the module tree; undefined (a 404) when there are no modules. */
export function moduleView(p: OpsProfile): { columns: { name: string; type: string; key: string }[]; data: ModuleStats[] } | undefined {
  if (!p.modules) return undefined;
  return {
    columns: [
      { name: 'Module Name', type: 'string', key: 'name' },
      { name: 'Occurences', type: 'number', key: 'occurences' },
      { name: 'Operators', type: 'number', key: 'operators' },
      { name: 'Host Total Time', type: 'number', key: 'host_duration' },
      { name: 'Host Self Time', type: 'number', key: 'self_host_duration' },
      { name: 'Device Total Time', type: 'number', key: 'device_duration' },
      { name: 'Device Self Time', type: 'number', key: 'self_device_duration' },
    ],
    data: p.modules,
  };
}
