import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = import.meta.dirname;
const repoRoot = resolve(webRoot, "../..");

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: resolve(repoRoot, "dist/web"),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
