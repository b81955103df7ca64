/** The view tabs (Overview, Operator, …, Diff): a tab list the arrow keys move through. */

/** Props of {@link ViewTabs}. */
export interface ViewTabsProps {
  readonly views: readonly string[];
  readonly value: string | undefined;
  readonly onChange: (view: string) => void;
}

/** @example <ViewTabs views={['Overview', 'Trace']} value="Overview" onChange={setView} /> */
export function ViewTabs({ views, value, onChange }: ViewTabsProps) {
  const move = (e: KeyboardEvent, i: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step || views.length === 0) return;
    e.preventDefault();
    const j = (i + step + views.length) % views.length;
    onChange(views[j]!);
    ((e.currentTarget as HTMLElement).parentElement?.children[j] as HTMLElement | undefined)?.focus();
  };
  return (
    <div class="tb-prof-tabs" role="tablist" aria-label="Views" data-testid="view-tabs">
      {views.map((v, i) => (
        <button
          key={v}
          type="button"
          role="tab"
          class="tb-prof-tabs__tab"
          aria-selected={v === value}
          tabIndex={v === value ? 0 : -1}
          data-view={v}
          onClick={() => onChange(v)}
          onKeyDown={(e) => move(e, i)}
        >
          {v}
        </button>
      ))}
    </div>
  );
}
