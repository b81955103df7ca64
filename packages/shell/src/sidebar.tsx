/**
 * The left sidebar's frame: resized by dragging its right edge (or with the arrow keys
 * on that edge), collapsed to a thin rail with a button, both remembered in localStorage
 * (`tb-core.shell.sidebar`). Without a width of the user's, the stylesheet's default
 * applies: 280 px on wide screens, narrower below 1024 px.
 */
import { loadStored, saveStored } from '@tb/ui';
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { ChevronLeftIcon, ChevronRightIcon } from './icons.js';

/** How the user left the sidebar. */
export interface SidebarLayout {
  /** Width in CSS pixels; null: the stylesheet's default. */
  readonly width: number | null;
  readonly collapsed: boolean;
}

const KEY = 'shell.sidebar';
export const SIDEBAR_MIN_WIDTH = 160;
export const SIDEBAR_MAX_WIDTH = 640;
/** The sidebar never takes more than this share of the window. */
const MAX_SHARE = 0.5;
const KEY_STEP_PX = 16;

/** Reads a stored layout, with defaults for anything unexpected. */
export function parseSidebarLayout(raw: unknown): SidebarLayout {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const width = typeof o['width'] === 'number' && Number.isFinite(o['width']) ? Math.max(SIDEBAR_MIN_WIDTH, Math.min(SIDEBAR_MAX_WIDTH, o['width'])) : null;
  return { width, collapsed: o['collapsed'] === true };
}

/** A width the user dragged to, kept between the minimum and the most the window allows. */
export function clampSidebarWidth(width: number, windowWidth: number): number {
  const max = Math.max(SIDEBAR_MIN_WIDTH, Math.min(SIDEBAR_MAX_WIDTH, Math.floor(windowWidth * MAX_SHARE)));
  return Math.round(Math.min(max, Math.max(SIDEBAR_MIN_WIDTH, width)));
}

/** The layout, read once from localStorage, and a setter that stores it. */
export function useSidebarLayout(): [SidebarLayout, (next: SidebarLayout) => void] {
  const [layout, setLayout] = useState(() => loadStored(KEY, parseSidebarLayout));
  const update = (next: SidebarLayout) => {
    setLayout(next);
    saveStored(KEY, next);
  };
  return [layout, update];
}

/** The button that hides the runs (in the sidebar's header) or shows them again (on the rail). */
export function SidebarToggle({ expanded, onClick }: { expanded: boolean; onClick: () => void }) {
  const label = expanded ? 'Hide the runs' : 'Show the runs';
  return (
    <button
      type="button"
      class="tb-icon-button tb-sidebar__toggle"
      title={label}
      aria-label={label}
      aria-expanded={expanded}
      data-testid={expanded ? 'sidebar-collapse' : 'sidebar-expand'}
      onClick={onClick}
    >
      {expanded ? <ChevronLeftIcon /> : <ChevronRightIcon />}
    </button>
  );
}

/** Props of {@link Sidebar}. */
export interface SidebarProps {
  readonly layout: SidebarLayout;
  readonly onLayoutChange: (next: SidebarLayout) => void;
  /** Shown on the collapsed rail, e.g. "3/17". */
  readonly summary: string;
  readonly children: ComponentChildren;
}

/** The sidebar: its content, the drag handle on its edge, or the collapsed rail. */
export function Sidebar({ layout, onLayoutChange, summary, children }: SidebarProps) {
  const aside = useRef<HTMLElement>(null);
  const drag = useRef<{ pointer: number; startX: number; startWidth: number; width: number } | null>(null);
  const [dragging, setDragging] = useState(false);

  if (layout.collapsed) {
    return (
      <aside class="tb-sidebar tb-sidebar--collapsed" aria-label="Runs" data-testid="sidebar-collapsed">
        <SidebarToggle expanded={false} onClick={() => onLayoutChange({ ...layout, collapsed: false })} />
        <span class="tb-sidebar__rail-label">Runs {summary}</span>
      </aside>
    );
  }

  const currentWidth = () => aside.current?.getBoundingClientRect().width ?? layout.width ?? SIDEBAR_MIN_WIDTH;
  const setWidth = (width: number) => onLayoutChange({ ...layout, width: clampSidebarWidth(width, window.innerWidth) });

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    const startWidth = currentWidth();
    drag.current = { pointer: e.pointerId, startX: e.clientX, startWidth, width: startWidth };
    setDragging(true);
  };
  // While dragging, the width is set on the element only: the page re-renders once, on release.
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId || !aside.current) return;
    d.width = clampSidebarWidth(d.startWidth + e.clientX - d.startX, window.innerWidth);
    aside.current.style.width = `${d.width}px`;
  };
  const onPointerUp = (e: PointerEvent) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    drag.current = null;
    setDragging(false);
    if (d.width !== d.startWidth) setWidth(d.width);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowLeft' ? -KEY_STEP_PX : e.key === 'ArrowRight' ? KEY_STEP_PX : 0;
    if (step === 0) return;
    e.preventDefault();
    setWidth(currentWidth() + step);
  };

  return (
    <aside
      ref={aside}
      class={dragging ? 'tb-sidebar tb-sidebar--resizing' : 'tb-sidebar'}
      aria-label="Runs"
      style={layout.width === null ? undefined : { width: `${layout.width}px` }}
      data-testid="sidebar"
    >
      {children}
      <div
        class="tb-sidebar__resizer"
        role="separator"
        tabIndex={0}
        aria-orientation="vertical"
        aria-label="Resize the run list (drag, or arrow keys; double-click for the default width)"
        aria-valuemin={SIDEBAR_MIN_WIDTH}
        aria-valuemax={SIDEBAR_MAX_WIDTH}
        aria-valuenow={layout.width ?? undefined}
        title="Drag to resize; double-click for the default width"
        data-testid="sidebar-resizer"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onDblClick={() => onLayoutChange({ ...layout, width: null })}
        onKeyDown={onKeyDown}
      />
    </aside>
  );
}
