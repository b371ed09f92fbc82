// The React baseline as `npm create vite` sets a React app up: the React plugin, a production
// build with Vite's defaults (minified, tree-shaken). `cargo xtask bench` passes `--outDir`.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
});
