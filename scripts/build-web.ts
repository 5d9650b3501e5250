// `npm run build`: the web app into web/dist. wrangler.toml's [build] runs it, so `wrangler deploy` and `wrangler dev`
// build first. POSTFLARE_WEB_BUILT=1 skips it: test stacks must not rebuild web/dist under the tests already using it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { FIRST_LOAD_BUDGET_BYTES, firstLoadJs, kb } from "./bundle-size.ts";

if (process.env.POSTFLARE_WEB_BUILT === "1") {
  console.log("web/dist already built; skipping vite build");
} else {
  const root = path.resolve(import.meta.dirname, "..");
  const vite = spawnSync(process.execPath, [path.join(root, "node_modules/vite/bin/vite.js"), "build", "web"], {
    cwd: root,
    stdio: "inherit",
  });
  process.exitCode = vite.status ?? 1;
  if (vite.status === 0) {
    const { gzipBytes, files } = firstLoadJs(path.join(root, "web/dist"));
    console.log(`first-load JS: ${kb(gzipBytes)} gzipped (${files.length} file(s); budget ${kb(FIRST_LOAD_BUDGET_BYTES)})`);
  }
}
