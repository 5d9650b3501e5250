// Vite plugin for the workerd test and bench projects: applies mediabunny's package.json "browser" field the way
// wrangler's esbuild does for the deployed Worker (its node.js module, which imports node:fs/promises, is left out).
// Vite's Worker environment does not read "browser" fields, so without this the tests would load a module the
// deployed bundle never contains.
import type { Plugin } from "vite";

const STUB = "\0mediabunny-node-stub";

export function mediabunnyBrowserField(): Plugin {
  return {
    name: "mediabunny-browser-field",
    enforce: "pre",
    resolveId(source, importer) {
      if (source === "./node.js" && importer?.includes("/node_modules/mediabunny/")) return STUB;
      return null;
    },
    load(id) {
      return id === STUB ? "export const fs = undefined;" : null;
    },
  };
}
