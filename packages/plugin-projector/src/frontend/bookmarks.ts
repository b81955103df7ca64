/**
 * TensorBoard's bookmarks: a JSON array of saved states (`State` in TensorBoard's
 * vz-projector), each with the points' positions per projection (`pca-0`, `tsne-1`...),
 * the camera, the selection and the colour option. Reads the fields this dashboard
 * uses and writes states TensorBoard can load.
 */
import type { CameraState, ProjectionMethod } from './url-state.js';

/** A saved view. */
export interface Bookmark {
  readonly label: string;
  readonly method: ProjectionMethod;
  readonly dims: 2 | 3;
  /** Positions, `dims` per point, when the state holds them. */
  readonly positions: Float32Array | null;
  readonly pcaComponents: readonly number[];
  readonly camera: CameraState | null;
  readonly selection: readonly number[];
  readonly colorBy: string | null;
  readonly labelBy: string | null;
}

/** TensorBoard's name of a projection in `projections` keys and `selectedProjection`. */
const TB_PREFIX: Record<ProjectionMethod, string> = { pca: 'pca', tsne: 'tsne', umap: 'umap', custom: 'custom' };

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const point3 = (v: unknown): [number, number, number] | null => {
  if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number')) return [v[0] as number, v[1] as number, v[2] as number];
  return null;
};

/** The states of a bookmarks file; entries that are not states are skipped. */
export function parseBookmarks(raw: unknown): Bookmark[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((s, i) => {
    const sel = s['selectedProjection'];
    const method: ProjectionMethod = sel === 'tsne' || sel === 'umap' || sel === 'custom' ? sel : 'pca';
    const is3d = method === 'tsne' ? s['tSNEis3d'] !== false : method === 'umap' ? s['umapIs3d'] !== false : true;
    const pcaComponents = Array.isArray(s['pcaComponentDimensions']) ? s['pcaComponentDimensions'].filter((c): c is number => typeof c === 'number') : [];
    const dims: 2 | 3 = method === 'custom' ? 2 : method === 'pca' ? (pcaComponents.length === 2 ? 2 : 3) : is3d ? 3 : 2;
    const projections = Array.isArray(s['projections']) ? s['projections'] : [];
    const prefix = TB_PREFIX[method];
    let positions: Float32Array | null = new Float32Array(projections.length * dims);
    for (let p = 0; p < projections.length && positions; p++) {
      const entry = projections[p] as unknown;
      for (let d = 0; d < dims; d++) {
        const v = isRecord(entry) ? entry[`${prefix}-${d}`] : undefined;
        if (typeof v !== 'number') {
          positions = null;
          break;
        }
        positions[p * dims + d] = v;
      }
    }
    const cam = isRecord(s['cameraDef']) ? s['cameraDef'] : null;
    const position = cam ? point3(cam['position']) : null;
    const target = cam ? point3(cam['target']) : null;
    return {
      label: typeof s['label'] === 'string' && s['label'] ? s['label'] : `State ${i + 1}`,
      method,
      dims,
      positions: positions && positions.length > 0 ? positions : null,
      pcaComponents,
      camera: position && target ? { position, target } : null,
      selection: Array.isArray(s['selectedPoints']) ? s['selectedPoints'].filter((x): x is number => Number.isInteger(x)) : [],
      colorBy: typeof s['selectedColorOptionName'] === 'string' ? s['selectedColorOptionName'] : null,
      labelBy: typeof s['selectedLabelOption'] === 'string' ? s['selectedLabelOption'] : null,
    };
  });
}

/** A state in TensorBoard's format, for a bookmarks file (`[state]` is a file TensorBoard loads). */
export function bookmarkToState(b: Bookmark, pointCount: number, dimensions: number): Json {
  const prefix = TB_PREFIX[b.method];
  const projections: Json[] = [];
  for (let p = 0; p < pointCount; p++) {
    const entry: Json = {};
    if (b.positions) for (let d = 0; d < b.dims; d++) entry[`${prefix}-${d}`] = b.positions[p * b.dims + d];
    projections.push(entry);
  }
  return {
    label: b.label,
    isSelected: true,
    selectedProjection: b.method,
    dataSetDimensions: [pointCount, dimensions],
    projections,
    pcaComponentDimensions: b.pcaComponents,
    tSNEis3d: b.dims === 3,
    umapIs3d: b.dims === 3,
    cameraDef: { orthographic: b.dims === 2, position: b.camera?.position ?? [0, 0, 3], target: b.camera?.target ?? [0, 0, 0], zoom: 1 },
    selectedPoints: [...b.selection],
    selectedColorOptionName: b.colorBy ?? '',
    selectedLabelOption: b.labelBy ?? '',
  };
}
