// Vite config for the web UI: `vite build web` (run from the repo root) writes web/dist, which wrangler serves.

import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// `vite web` during development forwards /api to `wrangler dev`. The Worker's CSRF check compares Origin with its
// own host, so the proxy presents the target's origin (dev only; production is same-origin).
const API_TARGET = "http://127.0.0.1:8787";

export default defineConfig({
  plugins: [preact()],
  build: { outDir: "dist", emptyOutDir: true },
  server: {
    proxy: {
      "/api": {
        target: API_TARGET,
        changeOrigin: true,
        configure: (proxy) => {
          proxy.on("proxyReq", (proxyReq) => {
            if (proxyReq.getHeader("origin")) proxyReq.setHeader("origin", API_TARGET);
          });
        },
      },
    },
  },
});
