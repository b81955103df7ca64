/**
 * Long run names, elided in the middle. Runs of one experiment often share a long start
 * (`TheCodeheadMT-TensorBoard-Tutorial/MNIST-extra-metrics1690486840/train`) and differ
 * further on; cutting the end off leaves rows nobody can tell apart. A name is drawn in
 * three parts: the start it shares with its related runs, the part that tells it apart
 * from them, and the end they share. When space runs out the shared start gives way
 * first (keeping its first letters), then the shared end; the distinguishing part stays,
 * and if it alone is too wide it loses characters at its start, never at its end. The
 * full name is the element's title.
 */

/** Characters after which a name may be cut: path, word and number separators. */
const SEPARATORS = new Set(['/', '-', '_', '.', ' ', ':', '=', ',']);
const LETTER = /\p{L}/u;
const DIGIT = /\d/;

/** Whether a name may be cut before its `i`th character: after a separator, or where letters turn to digits (`metrics|1690486840`). */
const isCut = (s: string, i: number) => SEPARATORS.has(s[i - 1]!) || (LETTER.test(s[i - 1]!) && DIGIT.test(s[i] ?? ''));

/** A part of at most this many characters is not worth eliding (it keeps its full width). */
const SHORT_PART = 3;

/** A run name in the three parts it is drawn in; their concatenation is the name. */
export interface RunNameParts {
  /** The start it shares with related runs (empty when none), up to a separator. */
  readonly start: string;
  /** What tells it apart from them; never empty. */
  readonly distinct: string;
  /** The end it shares with related runs (from a separator on), or ''. */
  readonly end: string;
}

const commonPrefix = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
};

/** The longest start of `s` at most `limit` long that ends at a cut (0 when none). */
function cutAtSeparator(s: string, limit: number): number {
  for (let i = Math.min(limit, s.length); i > 0; i--) if (isCut(s, i)) return i;
  return 0;
}

/**
 * For each string, how much of its start it shares with every related string (one that
 * starts with the same character), or null when it has no relative. Sorted, the related
 * strings are one block, and the least common prefix with any of them is the one with
 * the block's first or last string.
 */
function sharedWithRelatives(strings: readonly string[]): (number | null)[] {
  const order = strings.map((_, i) => i).sort((a, b) => (strings[a]! < strings[b]! ? -1 : strings[a]! > strings[b]! ? 1 : 0));
  const out = new Array<number | null>(strings.length).fill(null);
  let blockStart = 0;
  for (let k = 1; k <= order.length; k++) {
    const sameBlock = k < order.length && strings[order[k]!]!.charCodeAt(0) === strings[order[blockStart]!]!.charCodeAt(0);
    if (sameBlock) continue;
    const first = strings[order[blockStart]!]!;
    const last = strings[order[k - 1]!]!;
    if (k - blockStart > 1) {
      for (let j = blockStart; j < k; j++) {
        const s = strings[order[j]!]!;
        out[order[j]!] = j === blockStart ? commonPrefix(s, last) : j === k - 1 ? commonPrefix(s, first) : Math.min(commonPrefix(s, first), commonPrefix(s, last));
      }
    }
    blockStart = k;
  }
  return out;
}

const reverse = (s: string) => s.split('').reverse().join('');

/**
 * Splits every name of a list (the runs shown together) into the parts it is drawn in:
 * the start and the end it shares with the runs whose names begin (or end) like it, cut
 * at separators, and what is left between them. A name with no relative keeps its last
 * path segment as the distinguishing part.
 *
 * @example
 * splitRunNames(['exp-1/train', 'exp-2/train']).get('exp-1/train') // { start: 'exp-', distinct: '1', end: '/train' }
 */
export function splitRunNames(names: readonly string[]): Map<string, RunNameParts> {
  const unique = [...new Set(names)];
  const starts = sharedWithRelatives(unique);
  const reversed = unique.map(reverse);
  const ends = sharedWithRelatives(reversed);
  const out = new Map<string, RunNameParts>();
  unique.forEach((name, i) => {
    const len = name.length;
    let start = starts[i] === null ? 0 : cutAtSeparator(name, Math.min(starts[i]!, len - 1));
    let end = ends[i] === null ? 0 : cutAtSeparator(reversed[i]!, Math.min(ends[i]!, len - 1));
    if (start + end >= len) end = 0;
    // Nothing shared with another run: its last path segment tells it apart.
    if (start === 0 && end === 0) start = name.lastIndexOf('/', len - 2) + 1;
    out.set(name, { start: name.slice(0, start), distinct: name.slice(start, len - end), end: name.slice(len - end) });
  });
  return out;
}

/** Props of {@link RunName}. */
export interface RunNameProps {
  readonly name: string;
  /** Its parts from {@link splitRunNames} of the runs shown with it; by default, the name on its own. */
  readonly parts?: RunNameParts;
  /** An extra class on the root element. */
  readonly class?: string;
}

/**
 * A run's name, elided in the middle when it does not fit, with the full name on hover.
 * Style: `.tb-run-name` in theme.css.
 *
 * @example
 * const parts = splitRunNames(runs);
 * runs.map((run) => <RunName name={run} parts={parts.get(run)} />)
 */
export function RunName({ name, parts = splitRunNames([name]).get(name)!, class: extra }: RunNameProps) {
  const short = (text: string) => (text.length > SHORT_PART ? '' : ' tb-run-name__part--short');
  return (
    <span class={extra ? `tb-run-name ${extra}` : 'tb-run-name'} title={name}>
      {parts.start && <span class={`tb-run-name__start${short(parts.start)}`}>{parts.start}</span>}
      <span class="tb-run-name__distinct">
        <span dir="ltr">{parts.distinct}</span>
      </span>
      {parts.end && <span class={`tb-run-name__end${short(parts.end)}`}>{parts.end}</span>}
    </span>
  );
}
