/**
 * The interactive timeline: a canvas redrawn once per animation frame from a ref'd
 * scene, so zooming and panning never re-render the component tree. Keys W/S/A/D, 0 or
 * Home, F; ctrl/alt + wheel zooms at the mouse, the wheel scrolls the tracks (shift: pans),
 * dragging pans; click selects a slice (or folds a process), double-click fits it.
 */
import type { PluginFetch } from '@tb/ui';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Timeline } from '../../timeline/types.js';
import { readChromeColors } from './chrome-colors.js';
import { namePalette } from './colors.js';
import { DetailsPanel } from './DetailsPanel.js';
import { drawScene, type Scene } from './draw.js';
import { flowsOf, hitTest, sliceY, type Hit } from './hit.js';
import { keyNavigation, wheelZoomFactor } from './keys.js';
import { fitRange, fullView, panBy, zoomAt, type Viewport } from './navigation.js';
import { findMatches, matchMask, stepMatch } from './search.js';
import { SearchBar } from './SearchBar.js';
import { formatDuration } from './TimeAxis.js';
import { layoutTracks } from './TrackLayout.js';
import { buildLevels, upperBound } from './visible.js';

export interface TraceCanvasProps {
  readonly fetch: PluginFetch;
  readonly query: string;
  readonly timeline: Timeline;
  readonly darkMode: boolean;
}

const LABEL_WIDTH = 200;
const AXIS_HEIGHT = 26;

/** The timeline canvas with its search bar, tooltip and the selected slice's details. */
export function TraceCanvas(props: TraceCanvasProps) {
  const { timeline: t, darkMode } = props;
  const levels = useMemo(() => buildLevels(t), [t]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const layout = useMemo(() => layoutTracks(t, collapsed), [t, collapsed]);
  const palette = useMemo(() => namePalette(t.names, darkMode), [t, darkMode]);
  const counterMax = useMemo(() => t.counters.map((c) => c.values.reduce((m, v) => Math.max(m, v), 0)), [t]);
  const [selected, setSelected] = useState(-1);
  const flows = useMemo(() => (selected >= 0 ? flowsOf(t, selected) : []), [t, selected]);
  const [search, setSearch] = useState('');
  const [current, setCurrent] = useState(-1);
  const matches = useMemo(() => findMatches(t, search), [t, search]);
  const mask = useMemo(() => (matches.length > 0 || search.trim() ? matchMask(t.slices.start.length, matches) : null), [t, matches, search]);
  const matchStarts = useMemo(() => Float64Array.from(matches, (i) => t.slices.start[i]!).sort(), [t, matches]);
  const [tooltip, setTooltip] = useState<{ x: number; y: number; text: readonly [string, string] } | null>(null);

  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useRef<Viewport>(fullView(t.duration));
  const scroll = useRef(0);
  const size = useRef({ width: 0, height: 0 });
  const mouse = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef(0);
  const scene = useRef<Omit<Scene, 'view' | 'scrollTop' | 'width' | 'height' | 'colors'> | null>(null);
  scene.current = { t, levels, layout, labelWidth: LABEL_WIDTH, axisHeight: AXIS_HEIGHT, dark: darkMode, palette, selected, mask, flows, matchStarts, counterMax };

  const paint = (): void => {
    frame.current = 0;
    const c = canvas.current;
    const s = scene.current;
    const ctx = c?.getContext('2d');
    if (!c || !s || !ctx) return;
    const { width, height } = size.current;
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== Math.round(width * dpr) || c.height !== Math.round(height * dpr)) {
      c.width = Math.round(width * dpr);
      c.height = Math.round(height * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const maxScroll = Math.max(0, s.layout.height - (height - AXIS_HEIGHT));
    scroll.current = Math.min(Math.max(scroll.current, 0), maxScroll);
    // Read the theme each frame: the page may switch data-theme after this component re-rendered.
    drawScene(ctx, { ...s, view: view.current, scrollTop: scroll.current, width, height, colors: readChromeColors(c) });
    // The window drawn, in µs since the origin: for tools and tests that cannot read pixels.
    c.dataset['viewStart'] = String(view.current.start);
    c.dataset['viewEnd'] = String(view.current.end);
  };
  const redraw = (): void => {
    if (!frame.current) frame.current = requestAnimationFrame(paint);
  };
  useEffect(redraw);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      size.current = { width: el.clientWidth, height: el.clientHeight };
      redraw();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const plotWidth = (): number => Math.max(1, size.current.width - LABEL_WIDTH);
  const anchor = (): number => (mouse.current && mouse.current.x >= LABEL_WIDTH ? (mouse.current.x - LABEL_WIDTH) / plotWidth() : 0.5);
  const setView = (v: Viewport): void => {
    view.current = v;
    if (tooltip) setTooltip(null);
    redraw();
  };
  const hitAt = (x: number, y: number): Hit => hitTest(layout, levels, view.current, plotWidth(), x - LABEL_WIDTH, y - AXIS_HEIGHT + scroll.current);

  /** Selects a slice and brings it into view (unfolding its process, zooming to it if it is off screen). */
  const reveal = (slice: number, fit: boolean): void => {
    const process = t.tracks[t.slices.track[slice]!]?.process ?? -1;
    if (collapsed.has(process)) setCollapsed(new Set([...collapsed].filter((p) => p !== process)));
    setSelected(slice);
    const start = t.slices.start[slice]!;
    const dur = t.slices.dur[slice]!;
    const v = view.current;
    if (fit || dur > v.end - v.start) setView(fitRange(start, dur, t.duration));
    else if (start < v.start || start + dur > v.end) setView(panBy(v, (start + dur / 2 - (v.start + v.end) / 2) / (v.end - v.start), t.duration));
    const y = sliceY(t, layoutTracks(t, new Set([...collapsed].filter((p) => p !== process))), slice);
    const visible = size.current.height - AXIS_HEIGHT;
    if (y >= 0 && (y < scroll.current + 20 || y > scroll.current + visible - 20)) scroll.current = y - visible / 2;
    redraw();
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'f' || e.key === 'F') {
      if (selected >= 0) reveal(selected, true);
    } else if (e.key === 'Escape') {
      setSelected(-1);
    } else {
      const next = keyNavigation(e.key, view.current, anchor(), t.duration);
      if (!next) return;
      setView(next);
    }
    e.preventDefault();
  };

  const onWheel = (e: WheelEvent): void => {
    const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    const dx = e.deltaMode === 1 ? e.deltaX * 16 : e.deltaX;
    if (e.ctrlKey || e.altKey || e.metaKey) setView(zoomAt(view.current, wheelZoomFactor(dy), anchor(), t.duration));
    else if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) setView(panBy(view.current, (e.shiftKey ? dy || dx : dx) / plotWidth(), t.duration));
    else {
      // Scroll the tracks; at their top or bottom, let the page scroll instead.
      const maxScroll = Math.max(0, layout.height - (size.current.height - AXIS_HEIGHT));
      const next = Math.min(Math.max(scroll.current + dy, 0), maxScroll);
      if (next === scroll.current) return;
      scroll.current = next;
      redraw();
    }
    e.preventDefault();
  };

  const drag = useRef<{ x: number; y: number; view: Viewport; scroll: number; moved: boolean } | null>(null);
  const local = (e: MouseEvent): { x: number; y: number } => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const onMouseDown = (e: MouseEvent): void => {
    if (e.button !== 0) return;
    wrap.current?.focus();
    const p = local(e);
    drag.current = { ...p, view: view.current, scroll: scroll.current, moved: false };
    const move = (ev: MouseEvent): void => {
      const d = drag.current;
      if (!d) return;
      const q = local(ev);
      if (Math.abs(q.x - d.x) + Math.abs(q.y - d.y) > 3) d.moved = true;
      if (!d.moved) return;
      const span = d.view.end - d.view.start;
      const shift = ((d.x - q.x) / plotWidth()) * span;
      view.current = panBy(d.view, shift / span, t.duration);
      scroll.current = d.scroll + (d.y - q.y);
      setTooltip(null);
      redraw();
    };
    const up = (ev: MouseEvent): void => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
      const d = drag.current;
      drag.current = null;
      if (!d || d.moved) return;
      const q = local(ev);
      const hit = hitAt(q.x, q.y);
      if (hit.kind === 'process') {
        const next = new Set(collapsed);
        if (!next.delete(hit.process)) next.add(hit.process);
        setCollapsed(next);
      } else setSelected(hit.kind === 'slice' ? hit.slice : -1);
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  };
  const onMouseMove = (e: MouseEvent): void => {
    const p = local(e);
    mouse.current = p;
    if (drag.current) return;
    const hit = p.y < AXIS_HEIGHT ? ({ kind: 'none' } as const) : hitAt(p.x, p.y);
    setTooltip(hit.kind === 'slice' || hit.kind === 'counter' ? { x: p.x, y: p.y, text: tooltipText(t, hit) } : null);
  };
  const onDblClick = (e: MouseEvent): void => {
    const p = local(e);
    const hit = hitAt(p.x, p.y);
    if (hit.kind === 'slice') reveal(hit.slice, true);
  };

  const step = (dir: 1 | -1): void => {
    const next = stepMatch(current, matches.length, dir);
    setCurrent(next);
    if (next >= 0) reveal(matches[next]!, false);
  };

  return (
    <div class="tb-trace">
      <div class="tb-trace-toolbar">
        <SearchBar query={search} current={current} count={matches.length} onQuery={(q) => (setSearch(q), setCurrent(-1))} onStep={step} />
        <span class="tb-trace-hint">W/S zoom · A/D pan · drag · ctrl+wheel zoom · 0 reset · F fit selection</span>
      </div>
      <div ref={wrap} class="tb-trace-area" tabIndex={0} onKeyDown={onKeyDown} aria-label="Trace timeline; W/S zoom, A/D pan">
        <canvas
          ref={canvas}
          class="tb-trace-canvas"
          onMouseDown={onMouseDown}
          onMouseMove={onMouseMove}
          onMouseLeave={() => ((mouse.current = null), setTooltip(null))}
          onDblClick={onDblClick}
          onWheel={onWheel}
        />
        {tooltip && (
          <div class="tb-trace-tooltip" style={{ left: `${tooltip.x + 12}px`, top: `${tooltip.y + 12}px` }}>
            <div class="tb-trace-tooltip-name">{tooltip.text[0]}</div>
            <div class="tb-trace-muted">{tooltip.text[1]}</div>
          </div>
        )}
      </div>
      {selected >= 0 && (
        <DetailsPanel fetch={props.fetch} query={props.query} timeline={t} slice={selected} flows={flows} onJump={(s) => reveal(s, false)} onClose={() => setSelected(-1)} />
      )}
    </div>
  );
}

/** [name, duration] for a slice; [name, value at the mouse] for a counter. */
function tooltipText(t: Timeline, hit: Hit): [string, string] {
  if (hit.kind === 'slice') return [t.names[t.slices.name[hit.slice]!] ?? '', formatDuration(t.slices.dur[hit.slice]!)];
  if (hit.kind === 'counter') {
    const c = t.counters[hit.counter]!;
    const i = upperBound(c.ts, hit.time) - 1;
    return [c.name, i >= 0 ? c.values[i]!.toLocaleString() : '—'];
  }
  return ['', ''];
}
