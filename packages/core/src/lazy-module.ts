/**
 * The namespace of a dynamically imported package whose named exports may sit under `default`:
 * bundled as CommonJS (esbuild, as for the Action), `import()` hands back `module.exports` as
 * `default` and no named export. `probe` is a named export the namespace must have.
 */
export function namedExports<T extends object>(loaded: T, probe: keyof T): T {
  if (typeof loaded[probe] !== "undefined") return loaded;
  const inner = (loaded as { default?: T }).default;
  if (inner !== undefined && typeof inner[probe] !== "undefined") return inner;
  return loaded;
}
