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

/**
 * A package imported on first need: `load()` (awaited by an async step before any sync use, such
 * as a check's `prepare`) and `get()` for the sync code below it. Reaching `get()` before `load()`
 * resolved is a programming error, said with the package's name.
 */
export function lazyModule<T extends object>(name: string, importer: () => Promise<T>, probe: keyof T): { load: () => Promise<T>; get: () => T } {
  let module: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load: () => (loading ??= importer().then((loaded) => (module = namedExports(loaded, probe)))),
    get: () => {
      if (module === undefined) throw new Error(`${name} not loaded: await its load() first`);
      return module;
    },
  };
}
