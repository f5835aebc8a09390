import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Where the Frontline server listens; override to point the dev server at another instance.
const backend = process.env.FRONTLINE_API_URL ?? "http://127.0.0.1:3000";

// The API and the SPA share one origin in production; the dev server proxies to keep it that way,
// so the session cookie and the CSRF check behave exactly as they will when deployed.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      "/api": { target: backend, changeOrigin: false },
      "/healthz": { target: backend, changeOrigin: false },
    },
  },
  preview: {
    port: 4173,
    proxy: {
      "/api": { target: backend, changeOrigin: false },
      "/healthz": { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // ECharts alone is about 560 kB (decision 022); it loads only with the pages that draw charts.
    chunkSizeWarningLimit: 600,
    // Libraries change less often than the app: separate chunks stay cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: "mantine", test: /node_modules[\\/]@mantine[\\/]/ },
            // Charts only: a chunk of its own, loaded with the dashboard and never with the inbox.
            { name: "echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: "vendor", test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
