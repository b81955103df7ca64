/** The few line icons of the top bar, drawn inline (currentColor) so they follow the theme. */

const common = {
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': 2,
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
  'aria-hidden': 'true',
} as const;

export function ReloadIcon() {
  return (
    <svg {...common}>
      <path d="M19.5 12a7.5 7.5 0 1 1-2.2-5.3" />
      <path d="M19.5 3.5v4.5H15" />
    </svg>
  );
}

export function SettingsIcon() {
  return (
    <svg {...common}>
      <circle cx="12" cy="12" r="3" />
      <circle cx="12" cy="12" r="7.5" stroke-dasharray="3.3 2.6" stroke-width="3.2" stroke-linecap="butt" />
    </svg>
  );
}

export function ChevronDownIcon() {
  return (
    <svg {...common} class="tb-chevron">
      <path d="M7 10l5 5 5-5" />
    </svg>
  );
}

export function ChevronLeftIcon() {
  return (
    <svg {...common} class="tb-chevron">
      <path d="M14 7l-5 5 5 5" />
    </svg>
  );
}

export function ChevronRightIcon() {
  return (
    <svg {...common} class="tb-chevron">
      <path d="M10 7l5 5-5 5" />
    </svg>
  );
}
