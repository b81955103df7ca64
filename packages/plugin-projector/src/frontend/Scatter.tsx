/**
 * The Preact face of {@link ScatterView}: creates it once, passes the data on when it
 * changes, and hands its picks, boxes, hovers and camera moves to the dashboard.
 */
import { useEffect, useRef } from 'preact/hooks';
import { ScatterView, type PointLabel, type ScatterCallbacks } from './scatter-view.js';
import type { CameraState } from './url-state.js';

/** Props of {@link Scatter}. */
export interface ScatterProps extends ScatterCallbacks {
  /** Three floats per point. */
  readonly positions: Float32Array;
  readonly dims: 2 | 3;
  /** Changes when the camera should frame the points again (a new projection). */
  readonly frameKey: string;
  readonly colors: Float32Array;
  readonly states: Float32Array;
  readonly focus: boolean;
  readonly sprite: { readonly image: HTMLImageElement; readonly cell: readonly number[] } | null;
  readonly dark: boolean;
  /** Whether sprite thumbnails get a frame in the point's colour (when colouring by a column). */
  readonly framed: boolean;
  readonly labels: readonly PointLabel[];
  /** A camera to move to (a bookmark, a link), applied once per object, with the points. */
  readonly camera: CameraState | null;
  readonly matchCount: number;
  readonly selectedCount: number;
}

/** The scatter plot. */
export function Scatter(props: ScatterProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<ScatterView | null>(null);
  const callbacks = useRef<ScatterCallbacks>(props);
  callbacks.current = props;
  const framed = useRef<string | null>(null);

  useEffect(() => {
    const v = new ScatterView(host.current!, {
      onPick: (i, add) => callbacks.current.onPick(i, add),
      onBox: (ids, add) => callbacks.current.onBox(ids, add),
      onHover: (i) => callbacks.current.onHover(i),
      onCamera: (c) => callbacks.current.onCamera(c),
    });
    view.current = v;
    return () => {
      v.dispose();
      view.current = null;
    };
  }, []);
  const appliedCamera = useRef<CameraState | null>(null);
  useEffect(() => {
    const reset = framed.current !== props.frameKey;
    framed.current = props.frameKey;
    // A camera from a link or a bookmark is applied once, instead of framing the points.
    const camera = props.camera && props.camera !== appliedCamera.current ? props.camera : null;
    view.current?.setPositions(props.positions, props.dims, reset && !camera);
    if (camera && props.positions.length > 0) {
      view.current?.setCamera(camera);
      appliedCamera.current = camera;
    }
  }, [props.positions, props.dims, props.frameKey, props.camera]);
  useEffect(() => view.current?.setColors(props.colors), [props.colors]);
  useEffect(() => view.current?.setStates(props.states, props.focus), [props.states, props.focus]);
  useEffect(() => view.current?.setSprites(props.sprite?.image ?? null, props.sprite?.cell), [props.sprite]);
  useEffect(() => view.current?.setDark(props.dark), [props.dark]);
  useEffect(() => view.current?.setFramed(props.framed), [props.framed]);
  useEffect(() => view.current?.setLabels(props.labels), [props.labels]);

  return (
    <div
      ref={host}
      class="projector-scatter"
      data-testid="projector-scatter"
      data-matches={props.matchCount}
      data-selected={props.selectedCount}
      data-dims={props.dims}
    />
  );
}
