// @ts-check
// Installing the quiz wheel into Pyodide's site-packages: one way, used by the site's worker and by
// the tests that start Pyodide under Node as the worker does.
//
// The build stores the wheel's entries uncompressed (sitebuild/runtime.py), so each file is a slice of
// the download. Laid straight into Pyodide's file system from here it costs a few milliseconds,
// where Pyodide's unpackArchive extracts it file by file in Python (zipfile, shutil): about 50 ms
// of every widget's start under Node.

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const STORED = 0;

/** Every file in a zip whose entries are stored, as [name, bytes] (views into zip, not copies).
 * @param {Uint8Array} zip @returns {[string, Uint8Array][]} */
export function storedFiles(zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-directory record closes the zip, followed only by its comment (at most 64 KB).
  let end = zip.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_DIRECTORY && zip.byteLength - end < 22 + 0xffff) end -= 1;
  if (end < 0 || view.getUint32(end, true) !== END_OF_DIRECTORY) throw new Error("the quiz wheel is not a zip file");
  const names = new TextDecoder();
  /** @type {[string, Uint8Array][]} */
  const files = [];
  let entry = view.getUint32(end + 16, true);
  for (let count = view.getUint16(end + 10, true); count > 0; count -= 1) {
    if (view.getUint32(entry, true) !== DIRECTORY_ENTRY) throw new Error("the quiz wheel's zip directory is damaged");
    const nameLength = view.getUint16(entry + 28, true);
    const name = names.decode(zip.subarray(entry + 46, entry + 46 + nameLength));
    if (view.getUint16(entry + 10, true) !== STORED) {
      throw new Error(`the quiz wheel's ${name} is compressed: the build stores every entry (sitebuild/runtime.py)`);
    }
    const size = view.getUint32(entry + 20, true);
    const local = view.getUint32(entry + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (!name.endsWith("/")) files.push([name, zip.subarray(start, start + size)]);
    entry += 46 + nameLength + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
  }
  return files;
}

/** Write the wheel's files under sitePackages in Pyodide's file system, ready to import.
 * @param {import("pyodide").PyodideAPI} pyodide @param {Uint8Array} wheel @param {string} sitePackages */
export function installWheel(pyodide, wheel, sitePackages) {
  for (const [name, bytes] of storedFiles(wheel)) {
    const path = `${sitePackages}/${name}`;
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, bytes);
  }
  pyodide.runPython(LIST_FOLDERS_AGAIN);
}

// Python listed site-packages at start (looking for sitecustomize), and notices new files there only
// through the folder's modification time: tell it outright.
// Only the folders' finders are told: importlib.invalidate_caches() would also import
// importlib.metadata (about 130 ms), and the standard library's zip finders would read it again.
const LIST_FOLDERS_AGAIN = `
import sys, importlib.machinery
for finder in list(sys.path_importer_cache.values()):
    if isinstance(finder, importlib.machinery.FileFinder):
        finder.invalidate_caches()
`;
