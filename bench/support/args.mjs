// The benchmarks' command-line flags: `--name value`.
const args = process.argv.slice(2);

/** The value after `--name`, or `fallback`. */
export function flag(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
}

/** A positive number flag (integer unless `o.fraction`); exits with 2 and a message otherwise. */
export function positiveFlag(name, fallback, o = {}) {
  const raw = flag(name, fallback);
  const v = Number(raw);
  if (!(v > 0) || (!o.fraction && !Number.isInteger(v))) {
    console.error(`--${name} should be a positive ${o.fraction ? 'number' : 'integer'}, found ${raw}`);
    process.exit(2);
  }
  return v;
}
