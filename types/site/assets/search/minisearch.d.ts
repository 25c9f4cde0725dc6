// The build copies the npm package here (hooks/search_index.py).
export { default } from "minisearch";
