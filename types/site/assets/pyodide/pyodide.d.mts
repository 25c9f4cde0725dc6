// The built site copies the npm package here (hooks/runtime.py): the same module, typed by the package.
export { loadPyodide } from "pyodide";
