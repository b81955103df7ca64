import { describe, expect, it } from 'vitest';
import { defaultSource, graphRoute, sourcesOf, type GraphsInfo } from './api.js';

const info: GraphsInfo = {
  'adam/train': { run: 'adam/train', run_graph: true, tags: { step1: { tag: 'step1', conceptual_graph: false, op_graph: false, profile: true } } },
  keras: { run: 'keras', run_graph: true, tags: { keras: { tag: 'keras', conceptual_graph: true, op_graph: false, profile: false }, b: { tag: 'b', conceptual_graph: false, op_graph: true, profile: false } } },
};

describe('sourcesOf', () => {
  it('lists the run graph, then per tag its op graph or profile and its conceptual graph', () => {
    expect(sourcesOf(info).map((s) => `${s.run} | ${s.label}`)).toEqual([
      'adam/train | Op graph',
      'adam/train | Op graph with run metadata: step1',
      'keras | Op graph',
      'keras | Op graph: b',
      'keras | Conceptual graph: keras',
    ]);
  });

  it('builds graph_json queries', () => {
    const [, profile, , , conceptual] = sourcesOf(info);
    expect(graphRoute(profile!)).toBe('graph_json?run=adam%2Ftrain&tag=step1');
    expect(graphRoute(conceptual!)).toBe('graph_json?run=keras&tag=keras&conceptual=true');
  });

  it('starts on the first selected run, with run metadata when there is some', () => {
    const sources = sourcesOf(info);
    expect(defaultSource(sources, ['adam/train'])!.label).toBe('Op graph with run metadata: step1');
    expect(defaultSource(sources, ['nothing', 'keras'])!.label).toBe('Op graph');
    expect(defaultSource(sources, [])!.run).toBe('adam/train');
    expect(defaultSource([], ['a'])).toBeNull();
  });
});
