/**
 * The projector's view in the page URL, for a shareable link: one `projector=` parameter
 * (JSON) in the fragment, beside the shell's `tab=`, `runs=` and `runFilter=`, which are
 * left exactly as they were. The shell rewrites the fragment from its own keys when the
 * tab or the run selection changes, which drops `projector=`; the dashboard therefore
 * also keeps the view in localStorage and writes the parameter back when it is shown.
 */

/** A projection method of the panel. */
export type ProjectionMethod = 'pca' | 'tsne' | 'umap' | 'custom';

/** A camera: where it is and what it looks at (world coordinates). */
export interface CameraState {
  readonly position: readonly [number, number, number];
  readonly target: readonly [number, number, number];
}

/** What a link reproduces. */
export interface ViewState {
  readonly run: string | null;
  readonly tensor: string | null;
  readonly method: ProjectionMethod;
  /** 2 or 3. */
  readonly dims: 2 | 3;
  /** PCA components shown on x, y, z (0-based). */
  readonly components: readonly [number, number, number];
  /** t-SNE perplexity and learning rate, UMAP neighbours. */
  readonly params: Readonly<Record<string, number>>;
  /** Custom projection queries: x+, x-, y+, y-. */
  readonly custom: readonly [string, string, string, string];
  /** The metadata column that colours the points; null: the first column; '': none. */
  readonly colorBy: string | null;
  /** Whether points are drawn as their sprite thumbnails (when the embedding has a sprite). */
  readonly sprites: boolean;
  readonly labelBy: string | null;
  readonly search: string;
  readonly selection: readonly number[];
  readonly camera: CameraState | null;
}

/** The fragment's parameter that holds the view. */
export const URL_KEY = 'projector';

/** The view before anything is chosen: PCA in 3-D, TensorBoard's t-SNE and UMAP defaults. */
export const DEFAULT_VIEW: ViewState = {
  run: null,
  tensor: null,
  method: 'pca',
  dims: 3,
  components: [0, 1, 2],
  params: { perplexity: 30, learningRate: 10, neighbors: 15 },
  custom: ['', '', '', ''],
  colorBy: null,
  sprites: true,
  labelBy: null,
  search: '',
  selection: [],
  camera: null,
};

const METHODS: readonly ProjectionMethod[] = ['pca', 'tsne', 'umap', 'custom'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const vec3 = (v: unknown): [number, number, number] | null =>
  Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x)) ? [v[0], v[1], v[2]] : null;

/** A view from untrusted JSON (a URL, storage): anything unexpected falls back to the default. */
export function parseView(raw: unknown): ViewState {
  if (!isRecord(raw)) return DEFAULT_VIEW;
  const d = DEFAULT_VIEW;
  const method = METHODS.includes(raw['method'] as ProjectionMethod) ? (raw['method'] as ProjectionMethod) : d.method;
  const components = vec3(raw['components'])?.map((c) => Math.max(0, Math.floor(c))) as [number, number, number] | undefined;
  const params: Record<string, number> = { ...d.params };
  if (isRecord(raw['params'])) {
    for (const [k, v] of Object.entries(raw['params'])) if (typeof v === 'number' && Number.isFinite(v)) params[k] = v;
  }
  const custom = Array.isArray(raw['custom']) && raw['custom'].length === 4 && raw['custom'].every((s) => typeof s === 'string')
    ? (raw['custom'] as [string, string, string, string])
    : d.custom;
  const selection = Array.isArray(raw['selection'])
    ? raw['selection'].filter((i): i is number => Number.isInteger(i) && (i as number) >= 0)
    : [];
  const cam = isRecord(raw['camera']) ? { position: vec3(raw['camera']['position']), target: vec3(raw['camera']['target']) } : null;
  return {
    run: str(raw['run']),
    tensor: str(raw['tensor']),
    method,
    dims: raw['dims'] === 2 ? 2 : 3,
    components: components ?? d.components,
    params,
    custom,
    colorBy: str(raw['colorBy']),
    sprites: raw['sprites'] !== false,
    labelBy: str(raw['labelBy']),
    search: str(raw['search']) ?? '',
    selection,
    camera: cam?.position && cam.target ? { position: cam.position, target: cam.target } : null,
  };
}

/** The view in the fragment `hash` (with or without `#`); null when it has none. */
export function readViewFromHash(hash: string): ViewState | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const text = params.get(URL_KEY);
  if (text === null) return null;
  try {
    return parseView(JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

/** Rounds camera coordinates so links stay short. */
function compact(view: ViewState): ViewState {
  const r = (v: readonly number[]) => v.map((x) => Math.round(x * 1000) / 1000) as unknown as [number, number, number];
  return view.camera ? { ...view, camera: { position: r(view.camera.position), target: r(view.camera.target) } } : view;
}

/**
 * `hash` with its `projector=` parameter set to `view`, every other parameter kept as it
 * was (returned without `#`).
 *
 * @example writeViewToHash('#tab=projector&runs=a', view) // 'tab=projector&runs=a&projector=%7B...'
 */
export function writeViewToHash(hash: string, view: ViewState): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.set(URL_KEY, JSON.stringify(compact(view)));
  return params.toString();
}
