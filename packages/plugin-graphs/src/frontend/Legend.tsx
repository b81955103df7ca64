/** The legend of the colouring in use, and what the shapes and lines mean. */
import type { Legend as LegendData } from './colors.js';

/** The legend box under the node panel; its title folds it away. */
export function Legend(props: { legend: LegendData; collapsed: boolean; onToggle: () => void }) {
  const { legend } = props;
  return (
    <div class="tb-graph__legend" data-testid="graph-legend">
      <button type="button" class="tb-graph__legend-head" aria-expanded={!props.collapsed} onClick={props.onToggle}>
        {legend.title}
        <span aria-hidden="true">{props.collapsed ? ' ▸' : ' ▾'}</span>
      </button>
      {!props.collapsed && (
        <>
          {legend.kind === 'categories' ? (
            <ul class="tb-graph__legend-items">
              {legend.items.map((item) => (
                <li class="tb-graph__legend-item">
                  <span class="tb-graph__legend-swatch" style={{ background: item.color }} />
                  <span class="tb-graph__legend-label">{item.label}</span>
                  {item.count !== undefined && <span class="tb-graph__legend-count">{item.count}</span>}
                </li>
              ))}
              {legend.more > 0 && <li class="tb-graph__legend-more">+{legend.more} more</li>}
            </ul>
          ) : (
            <div class="tb-graph__ramp">
              <span class="tb-graph__ramp-bar" style={{ background: `linear-gradient(to right, ${legend.color}1f, ${legend.color}e6)` }} />
              <span class="tb-graph__ramp-labels">
                <span>{legend.min}</span>
                <span>{legend.max}</span>
              </span>
            </div>
          )}
          {legend.note && <p class="tb-graph__legend-note">{legend.note}</p>}
          <svg class="tb-graph__legend-key" width="284" height="20" aria-label="Shapes and lines">
            <rect x="1" y="4" width="22" height="12" rx="6" class="tb-graph__key-op" />
            <text x="26" y="14">op</text>
            <rect x="46" y="4" width="22" height="12" rx="3" class="tb-graph__key-scope" />
            <text x="72" y="14">scope</text>
            <rect x="116" y="1" width="18" height="10" rx="2" class="tb-graph__key-scope" />
            <rect x="113" y="4" width="18" height="10" rx="2" class="tb-graph__key-scope" />
            <rect x="110" y="7" width="18" height="10" rx="2" class="tb-graph__key-scope" />
            <text x="138" y="14">series</text>
            <line x1="178" y1="10" x2="192" y2="10" class="tb-graph__key-edge" />
            <text x="196" y="14">data</text>
            <line x1="226" y1="10" x2="240" y2="10" class="tb-graph__key-edge tb-graph__key-edge--control" />
            <text x="244" y="14">control</text>
          </svg>
        </>
      )}
    </div>
  );
}
