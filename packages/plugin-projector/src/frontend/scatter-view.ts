/**
 * The WebGL scatter, imperative: three.js Points over a BufferGeometry with the custom
 * shader of point-shader.ts, OrbitControls for orbit (drag; pan in 2-D), zoom (wheel)
 * and pan (right-drag), a shift-drag box selection, a click pick and hover in screen
 * space (picking.ts), and HTML labels for a few points. Draws on demand, once per frame
 * at most. The Preact wrapper is Scatter.tsx.
 */
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  DataTexture,
  Matrix4,
  NearestFilter,
  PerspectiveCamera,
  Points,
  RGBAFormat,
  Scene,
  ShaderMaterial,
  Texture,
  Vector3,
  WebGLRenderer,
  MOUSE,
  LinearFilter,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { FRAGMENT_SHADER, VERTEX_SHADER } from './point-shader.js';
import { boxSelect, pickNearest, projectToScreen } from './picking.js';
import type { CameraState } from './url-state.js';

/** What the view tells its owner. */
export interface ScatterCallbacks {
  /** A click: the point under the pointer (null: empty space); `additive` with Ctrl/Cmd. */
  readonly onPick: (index: number | null, additive: boolean) => void;
  /** A shift-drag box: the visible points inside it. */
  readonly onBox: (indices: number[], additive: boolean) => void;
  readonly onHover: (index: number | null) => void;
  /** The camera moved (after the move). */
  readonly onCamera: (camera: CameraState) => void;
}

/** A label drawn beside a point. */
export interface PointLabel {
  readonly index: number;
  readonly text: string;
  readonly strong?: boolean;
}

const CAMERA_DISTANCE = 2.8;
const PICK_RADIUS_PX = 8;
const DRAG_THRESHOLD_PX = 4;

/** The scatter inside `container` (which it fills). */
export class ScatterView {
  private readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new PerspectiveCamera(50, 1, 0.01, 100);
  private readonly controls: OrbitControls;
  private geometry = new BufferGeometry();
  private readonly material: ShaderMaterial;
  private readonly points: Points;
  private readonly labelLayer: HTMLDivElement;
  private readonly boxEl: HTMLDivElement;
  private readonly resize: ResizeObserver;
  private positions: Float32Array = new Float32Array(0);
  private states: Float32Array = new Float32Array(0);
  private dims: 2 | 3 = 3;
  private screen: Float32Array | null = null;
  private frame = 0;
  private labels: readonly PointLabel[] = [];
  private drag: { x: number; y: number; box: boolean; button: number; moved: boolean } | null = null;
  private hovered: number | null = null;
  private cameraTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly cleanup: (() => void)[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly callbacks: ScatterCallbacks,
  ) {
    this.renderer = new WebGLRenderer({ antialias: false, alpha: false, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(Math.min(2, globalThis.devicePixelRatio || 1));
    const canvas = this.renderer.domElement;
    canvas.setAttribute('data-testid', 'projector-canvas');
    canvas.classList.add('projector-canvas');
    container.append(canvas);
    this.labelLayer = document.createElement('div');
    this.labelLayer.className = 'projector-labels';
    this.boxEl = document.createElement('div');
    this.boxEl.className = 'projector-box';
    this.boxEl.hidden = true;
    container.append(this.labelLayer, this.boxEl);

    this.material = new ShaderMaterial({
      vertexShader: VERTEX_SHADER,
      fragmentShader: FRAGMENT_SHADER,
      transparent: true,
      depthTest: true,
      depthWrite: true,
      uniforms: {
        uSize: { value: 6 },
        uScale: { value: CAMERA_DISTANCE },
        uSprites: { value: 0 },
        uFocus: { value: 0 },
        uFramed: { value: 0 },
        uGrid: { value: [1, 1] },
        uAtlas: { value: new DataTexture(new Uint8Array([255, 255, 255, 255]), 1, 1, RGBAFormat) },
        uBackground: { value: new Color('#ffffff') },
      },
    });
    this.points = new Points(this.geometry, this.material);
    this.points.frustumCulled = false;
    this.scene.add(this.points);

    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.enableDamping = false;
    this.controls.zoomSpeed = 1.2;
    this.controls.addEventListener('change', () => {
      this.screen = null;
      this.requestRender();
      clearTimeout(this.cameraTimer);
      this.cameraTimer = setTimeout(() => this.callbacks.onCamera(this.getCamera()), 200);
    });
    this.setDims(3, true);

    const on = <K extends keyof HTMLElementEventMap>(el: HTMLElement, type: K, f: (e: HTMLElementEventMap[K]) => void, capture = false) => {
      el.addEventListener(type, f, capture);
      this.cleanup.push(() => el.removeEventListener(type, f, capture));
    };
    on(container, 'pointerdown', (e) => this.pointerDown(e), true);
    on(container, 'pointermove', (e) => this.pointerMove(e));
    on(container, 'pointerup', (e) => this.pointerUp(e));
    on(container, 'pointerleave', () => this.setHovered(null));
    on(container, 'contextmenu', (e) => e.preventDefault());
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(container);
    this.fit();
  }

  /** Sets the points: three floats each (z = 0 in 2-D); `resetCamera` frames them again. */
  setPositions(positions: Float32Array, dims: 2 | 3, resetCamera: boolean): void {
    const n = positions.length / 3;
    const before = this.positions.length / 3;
    this.positions = positions;
    if (n !== before) {
      // A new point count: a new geometry, so the old GPU buffers are freed.
      const colors = this.geometry.getAttribute('pointColor');
      this.geometry.dispose();
      this.geometry = new BufferGeometry();
      this.points.geometry = this.geometry;
      const sprite = new Float32Array(n);
      for (let i = 0; i < n; i++) sprite[i] = i;
      this.geometry.setAttribute('spriteIndex', new BufferAttribute(sprite, 1));
      this.setColors(colors && colors.count === n ? (colors.array as Float32Array) : new Float32Array(n * 3).fill(0.3));
      this.setStates(this.states.length === n ? this.states : new Float32Array(n), this.material.uniforms['uFocus']!.value === 1);
      this.material.uniforms['uSize']!.value = n > 20_000 ? 3 : n > 2_000 ? 5 : 8;
    }
    this.write('position', positions, 3);
    this.geometry.computeBoundingSphere();
    if (dims !== this.dims || resetCamera) this.setDims(dims, resetCamera);
    this.container.dataset['points'] = String(n);
    this.screen = null;
    this.requestRender();
  }

  /** Per-point RGB in [0, 1]. */
  setColors(rgb: Float32Array): void {
    this.write('pointColor', rgb, 3);
    this.requestRender();
  }

  /** Per-point state (point-shader.ts's PointState); `focus` dims the normal ones. */
  setStates(states: Float32Array, focus: boolean): void {
    this.states = states;
    this.write('state', states, 1);
    this.material.uniforms['uFocus']!.value = focus ? 1 : 0;
    this.requestRender();
  }

  /** Copies `values` into the attribute `name` in place (one GPU upload), or creates it. */
  private write(name: string, values: Float32Array, itemSize: number): void {
    const current = this.geometry.getAttribute(name) as BufferAttribute | undefined;
    if (current && current.array.length === values.length) {
      if (current.array !== values) (current.array as Float32Array).set(values);
      current.needsUpdate = true;
    } else {
      this.geometry.setAttribute(name, new BufferAttribute(values.slice(), itemSize));
    }
  }

  /** Thumbnails from a sprite sheet of `cell` sized images (null: plain dots). */
  setSprites(image: HTMLImageElement | null, cell: readonly number[] = [1, 1]): void {
    const u = this.material.uniforms;
    if (!image) {
      u['uSprites']!.value = 0;
    } else {
      const texture = new Texture(image);
      texture.flipY = false;
      texture.magFilter = NearestFilter;
      texture.minFilter = LinearFilter;
      texture.generateMipmaps = false;
      texture.needsUpdate = true;
      u['uAtlas']!.value = texture;
      u['uGrid']!.value = [Math.max(1, Math.floor(image.naturalWidth / cell[0]!)), Math.max(1, Math.floor(image.naturalHeight / (cell[1] ?? cell[0]!)))];
      u['uSprites']!.value = 1;
    }
    this.requestRender();
  }

  /** Whether sprite thumbnails get a frame in their point's colour. */
  setFramed(framed: boolean): void {
    this.material.uniforms['uFramed']!.value = framed ? 1 : 0;
    this.requestRender();
  }

  /** Light or dark background. */
  setDark(dark: boolean): void {
    // theme.css's --tb-surface of each palette (read before the shell may have switched it).
    const bg = new Color(dark ? '#2b2c2f' : '#ffffff');
    this.renderer.setClearColor(bg);
    this.material.uniforms['uBackground']!.value = bg;
    this.requestRender();
  }

  /** Labels drawn next to points (kept few: each is an element). */
  setLabels(labels: readonly PointLabel[]): void {
    this.labels = labels;
    this.requestRender();
  }

  /** Where the camera is and looks. */
  getCamera(): CameraState {
    const p = this.camera.position;
    const t = this.controls.target;
    return { position: [p.x, p.y, p.z], target: [t.x, t.y, t.z] };
  }

  /** Moves the camera (a bookmark, a shared link). */
  setCamera(camera: CameraState): void {
    this.camera.position.set(...camera.position);
    this.controls.target.set(...camera.target);
    this.controls.update();
  }

  /** Pixel positions of the points (cached until the camera or points change). */
  screenPositions(): Float32Array {
    if (!this.screen) {
      this.camera.updateMatrixWorld();
      const m = new Matrix4().multiplyMatrices(this.camera.projectionMatrix, this.camera.matrixWorldInverse);
      const { width, height } = this.size();
      this.screen = projectToScreen(this.positions, m.elements, width, height);
    }
    return this.screen;
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.cameraTimer);
    this.resize.disconnect();
    for (const f of this.cleanup) f();
    this.controls.dispose();
    this.geometry.dispose();
    this.material.dispose();
    this.renderer.dispose();
    this.renderer.domElement.remove();
    this.labelLayer.remove();
    this.boxEl.remove();
  }

  private setDims(dims: 2 | 3, reset: boolean): void {
    this.dims = dims;
    this.controls.enableRotate = dims === 3;
    this.controls.screenSpacePanning = true;
    this.controls.mouseButtons = dims === 3
      ? { LEFT: MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN }
      : { LEFT: MOUSE.PAN, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN };
    if (reset || dims === 2) {
      const t = reset ? new Vector3() : this.controls.target.clone().setZ(0);
      const dist = reset ? this.framingDistance() : this.camera.position.distanceTo(this.controls.target);
      this.controls.target.copy(t);
      this.camera.position.set(t.x, t.y, dist);
      if (reset && dims === 3) this.camera.position.set(dist * 0.55, dist * 0.35, dist * 0.76);
      this.camera.up.set(0, 1, 0);
      this.controls.update();
    }
  }

  /** How far the camera must be for the unit sphere to fit the narrower side, with a margin. */
  private framingDistance(): number {
    const { width, height } = this.size();
    const half = ((this.camera.fov / 2) * Math.PI) / 180;
    const narrow = Math.min(Math.tan(half), Math.tan(half) * (width / height));
    return Math.max(CAMERA_DISTANCE, 1.1 / narrow);
  }

  private size(): { width: number; height: number } {
    return { width: this.container.clientWidth || 1, height: this.container.clientHeight || 1 };
  }

  private fit(): void {
    const { width, height } = this.size();
    this.renderer.setSize(width, height);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    this.material.uniforms['uScale']!.value = this.framingDistance() * Math.min(1, Math.min(width, height) / 600) * this.renderer.getPixelRatio();
    this.screen = null;
    this.requestRender();
  }

  private requestRender(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderer.render(this.scene, this.camera);
      this.placeLabels();
    });
  }

  private placeLabels(): void {
    const layer = this.labelLayer;
    const shown = this.labels.filter((l) => l.index * 3 < this.positions.length && this.states[l.index] !== -1);
    while (layer.childElementCount > shown.length) layer.lastElementChild!.remove();
    while (layer.childElementCount < shown.length) layer.append(document.createElement('span'));
    shown.forEach((l, k) => {
      const el = layer.children[k] as HTMLElement;
      const [x, y] = this.screenPosition(l.index);
      el.textContent = l.text;
      el.className = l.strong ? 'projector-label projector-label--strong' : 'projector-label';
      el.style.transform = `translate(${Math.round(x + 8)}px, ${Math.round(y - 8)}px)`;
      el.hidden = !Number.isFinite(x);
    });
    // For tests and tools: where point 0 is on screen now.
    if (this.positions.length >= 3) {
      const [x, y] = this.screenPosition(0);
      this.container.dataset['probe'] = `${Math.round(x)},${Math.round(y)}`;
    }
  }

  /** One point's pixel position (the whole cache when it is there, else this point alone). */
  private screenPosition(i: number): [number, number] {
    if (this.screen) return [this.screen[i * 2]!, this.screen[i * 2 + 1]!];
    this.camera.updateMatrixWorld();
    const m = new Matrix4().multiplyMatrices(this.camera.projectionMatrix, this.camera.matrixWorldInverse);
    const { width, height } = this.size();
    const s = projectToScreen(this.positions.subarray(i * 3, i * 3 + 3), m.elements, width, height);
    return [s[0]!, s[1]!];
  }

  private local(e: PointerEvent): { x: number; y: number } {
    const r = this.container.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private visible = (i: number) => this.states[i] !== -1;

  private pointerDown(e: PointerEvent): void {
    const { x, y } = this.local(e);
    const box = e.shiftKey && e.button === 0;
    this.drag = { x, y, box, button: e.button, moved: false };
    if (box) {
      this.controls.enabled = false;
      this.container.setPointerCapture?.(e.pointerId);
      Object.assign(this.boxEl.style, { left: `${x}px`, top: `${y}px`, width: '0px', height: '0px' });
      this.boxEl.hidden = false;
    }
  }

  private pointerMove(e: PointerEvent): void {
    const { x, y } = this.local(e);
    const d = this.drag;
    if (d) {
      if (Math.abs(x - d.x) + Math.abs(y - d.y) > DRAG_THRESHOLD_PX) d.moved = true;
      if (d.box) {
        Object.assign(this.boxEl.style, {
          left: `${Math.min(x, d.x)}px`,
          top: `${Math.min(y, d.y)}px`,
          width: `${Math.abs(x - d.x)}px`,
          height: `${Math.abs(y - d.y)}px`,
        });
      }
      return;
    }
    const i = pickNearest(this.screenPositions(), x, y, PICK_RADIUS_PX, this.visible);
    this.setHovered(i < 0 ? null : i);
  }

  private pointerUp(e: PointerEvent): void {
    const d = this.drag;
    this.drag = null;
    if (!d) return;
    const { x, y } = this.local(e);
    if (d.box) {
      this.controls.enabled = true;
      this.boxEl.hidden = true;
      if (d.moved) {
        this.callbacks.onBox(boxSelect(this.screenPositions(), { x0: d.x, y0: d.y, x1: x, y1: y }, this.visible), e.ctrlKey || e.metaKey);
        return;
      }
    }
    if (d.moved || d.button !== 0) return;
    const i = pickNearest(this.screenPositions(), x, y, PICK_RADIUS_PX, this.visible);
    this.callbacks.onPick(i < 0 ? null : i, e.ctrlKey || e.metaKey);
  }

  private setHovered(i: number | null): void {
    if (i === this.hovered) return;
    this.hovered = i;
    this.container.style.cursor = i === null ? '' : 'pointer';
    this.callbacks.onHover(i);
  }
}
