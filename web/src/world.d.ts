// The world outline bundled into app.js by esbuild (scripts/build-web.mjs).
declare module "world-atlas/countries-110m.json" {
  const topology: import("topojson-specification").Topology;
  export default topology;
}
