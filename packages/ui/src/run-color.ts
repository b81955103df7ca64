/**
 * Run colours. The palette holds {@link RUN_PALETTE}.length colours picked in OKLab (a
 * perceptual colour space) so that any first k of them are as far apart as a greedy
 * choice gets: a dashboard with 3 runs gets 3 very different colours, one with 30 still
 * gets 30 distinct ones. A run keeps its colour: {@link assignRunColors} starts from the
 * slots remembered for each name and gives new runs the first free slot.
 */

/** OKLCH lightnesses: dark enough to read on white, light enough on dark grey. */
const LIGHTNESSES = [0.55, 0.65, 0.75];
const HUE_STEP_DEG = 5;
const MAX_CHROMA = 0.2;
/** Below this chroma a colour reads as grey, too close to its neighbours. */
const MIN_CHROMA = 0.1;
const PALETTE_SIZE = 36;
/** The first colour: TensorBoard's orange, oklch(0.65 0.18 45). */
const FIRST = { l: 0.65, hue: 45 };

interface Lab {
  readonly l: number;
  readonly a: number;
  readonly b: number;
}

/** OKLab to linear-light sRGB (Björn Ottosson's matrices). */
function linearRgb({ l, a, b }: Lab): [number, number, number] {
  const l1 = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m1 = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s1 = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l1 - 3.3077115913 * m1 + 0.2309699292 * s1,
    -1.2684380046 * l1 + 2.6097574011 * m1 - 0.3413193965 * s1,
    -0.0041960863 * l1 - 0.7034186147 * m1 + 1.707614701 * s1,
  ];
}

const inGamut = (rgb: readonly number[]) => rgb.every((c) => c >= -1e-6 && c <= 1 + 1e-6);

function toHex(lab: Lab): string {
  const channel = (c: number) => {
    const v = Math.min(1, Math.max(0, c));
    const encoded = v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
    return Math.round(encoded * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${linearRgb(lab).map(channel).join('')}`;
}

/** The most saturated in-gamut colour of each lightness and hue, where it is colourful enough. */
function candidates(): (Lab & { hue: number })[] {
  const out: (Lab & { hue: number })[] = [];
  for (const l of LIGHTNESSES) {
    for (let hue = 0; hue < 360; hue += HUE_STEP_DEG) {
      const rad = (hue * Math.PI) / 180;
      let chroma = MAX_CHROMA;
      while (chroma >= MIN_CHROMA && !inGamut(linearRgb({ l, a: chroma * Math.cos(rad), b: chroma * Math.sin(rad) }))) chroma -= 0.002;
      if (chroma >= MIN_CHROMA) out.push({ l, a: chroma * Math.cos(rad), b: chroma * Math.sin(rad), hue });
    }
  }
  return out;
}

/** Greedy farthest-point order: each colour is the candidate farthest from all before it. */
function buildPalette(): string[] {
  const pool = candidates();
  const distance = (p: Lab, q: Lab) => Math.hypot(p.l - q.l, p.a - q.a, p.b - q.b);
  let current = pool.find((c) => c.l === FIRST.l && c.hue === FIRST.hue) ?? pool[0]!;
  const nearest = pool.map(() => Infinity);
  const picked: Lab[] = [];
  while (picked.length < PALETTE_SIZE) {
    picked.push(current);
    let best = 0;
    for (let i = 0; i < pool.length; i++) {
      nearest[i] = Math.min(nearest[i]!, distance(pool[i]!, current));
      if (nearest[i]! > nearest[best]!) best = i;
    }
    current = pool[best]!;
  }
  return picked.map(toHex);
}

/**
 * 36 run colours, most distinct first: orange, blue, green, pink, ... Every one stays
 * readable on white and on dark grey.
 */
export const RUN_PALETTE: readonly string[] = Object.freeze(buildPalette());

/** The colour of a run that has no data in the dashboard shown (it is drawn nowhere). */
export const NO_DATA_COLOR = '#9e9e9e';

/** FNV-1a over UTF-16 code units: small, fast and the same in every browser. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The colour of one run on its own, from a hash of its name (so the same name always
 * gets the same colour). A fallback for a run the shell gave no colour; the shell's
 * colours come from {@link assignRunColors}.
 */
export function runColor(name: string): string {
  return RUN_PALETTE[hashName(name) % RUN_PALETTE.length]!;
}

/** Palette slots per run name: what {@link assignRunColors} remembers between calls. */
export type RunColorSlots = Readonly<Record<string, number>>;

/** The colours of some runs and the palette slot behind each. */
export interface RunColorAssignment {
  readonly colors: Record<string, string>;
  readonly slots: Record<string, number>;
}

const isSlot = (s: unknown): s is number => typeof s === 'number' && Number.isInteger(s) && s >= 0 && s < RUN_PALETTE.length;

/**
 * Colours for the runs shown, in run order. A run keeps its remembered slot unless an
 * earlier run in `runs` holds it; the others take the first slot free among `runs` and
 * not remembered for another run in `known` (every run of the log root), so a run that
 * shows up later in another tab does not take a colour already in use. Up to
 * RUN_PALETTE.length runs always get distinct colours; more cycle through the palette.
 *
 * @example
 * const first = assignRunColors(['adam', 'sgd'], {});          // slots 0 and 1
 * assignRunColors(['sgd', 'new'], first.slots, ['adam', 'sgd', 'new']).slots // { sgd: 1, new: 2 }
 */
export function assignRunColors(runs: readonly string[], remembered: RunColorSlots, known: readonly string[] = runs): RunColorAssignment {
  const n = RUN_PALETTE.length;
  const slots: Record<string, number> = {};
  const taken = new Set<number>();
  const present = [...new Set(runs)];
  for (const run of present) {
    const slot = remembered[run];
    if (isSlot(slot) && !taken.has(slot)) {
      slots[run] = slot;
      taken.add(slot);
    }
  }
  const reserved = new Set<number>();
  for (const run of known) {
    const slot = remembered[run];
    if (!(run in slots) && isSlot(slot)) reserved.add(slot);
  }
  let overflow = 0;
  for (const run of present) {
    if (run in slots) continue;
    let slot = -1;
    for (let s = 0; s < n && slot < 0; s++) if (!taken.has(s) && !reserved.has(s)) slot = s;
    for (let s = 0; s < n && slot < 0; s++) if (!taken.has(s)) slot = s;
    if (slot < 0) slot = overflow++ % n;
    slots[run] = slot;
    taken.add(slot);
  }
  const colors: Record<string, string> = {};
  for (const run of present) colors[run] = RUN_PALETTE[slots[run]!]!;
  return { colors, slots };
}

/**
 * Colours for a list of runs in their display order, with nothing remembered: the
 * first RUN_PALETTE.length runs are all distinct, and a run added at the end recolours
 * none of the runs before it.
 *
 * @example runColors(['adam', 'sgd']) // { adam: RUN_PALETTE[0], sgd: RUN_PALETTE[1] }
 */
export function runColors(names: readonly string[]): Record<string, string> {
  return assignRunColors(names, {}).colors;
}
