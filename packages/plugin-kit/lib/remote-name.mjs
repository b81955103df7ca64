// The one rule that turns a plugin's package name into its module federation remote name.
// The build (tb-plugin-build) and the plugin's code (`frontend.remoteName`) both use it,
// so the name is written nowhere by hand.

/** What a remote's name must look like: it becomes a JavaScript global. */
export const REMOTE_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/**
 * The remote name of the package called `packageName`: lower-cased, every character
 * outside `[a-z0-9_]` replaced by `_`, leading underscores dropped.
 *
 * @example remoteNameOf('@tb/plugin-scalars') // 'tb_plugin_scalars'
 * @example remoteNameOf('@acme/tb-plugin-foo') // 'acme_tb_plugin_foo'
 * @param {string} packageName A package.json `name`.
 * @returns {string}
 * @throws {Error} When the result is not a JavaScript identifier (empty, or starts with a digit).
 */
export function remoteNameOf(packageName) {
  if (typeof packageName !== 'string' || packageName.trim() === '') {
    throw new Error(`remoteNameOf: expected a package name such as '@tb/plugin-scalars', found ${JSON.stringify(packageName)}`);
  }
  const name = packageName.toLowerCase().replace(/[^a-z0-9_]/g, '_').replace(/^_+/, '');
  if (!REMOTE_NAME_PATTERN.test(name)) {
    throw new Error(
      `remoteNameOf: the package name '${packageName}' gives the remote name '${name}', ` +
        'which is not a JavaScript identifier; expected a name that starts with a letter once its scope\'s @ and / are dropped',
    );
  }
  return name;
}
