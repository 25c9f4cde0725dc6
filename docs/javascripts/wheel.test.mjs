// Unit tests (node --test) for wheel.mjs: reading a zip of stored entries and laying it into a file system.
import assert from "node:assert/strict";
import { test } from "node:test";
import { installWheel, storedFiles } from "./wheel.mjs";

/** A zip of [name, text] entries, stored or (method 8) marked deflated; wheel.mjs reads no CRC. */
function zip(entries, method = 0) {
  const encoder = new TextEncoder();
  const locals = [];
  const directory = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const n = encoder.encode(name);
    const data = encoder.encode(text);
    const local = new Uint8Array(30 + n.length + data.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(8, method, true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, data.length, true);
    l.setUint16(26, n.length, true);
    local.set(n, 30);
    local.set(data, 30 + n.length);
    const entry = new Uint8Array(46 + n.length);
    const e = new DataView(entry.buffer);
    e.setUint32(0, 0x02014b50, true);
    e.setUint16(10, method, true);
    e.setUint32(20, data.length, true);
    e.setUint32(24, data.length, true);
    e.setUint16(28, n.length, true);
    e.setUint32(42, offset, true);
    entry.set(n, 46);
    locals.push(local);
    directory.push(entry);
    offset += local.length;
  }
  const size = directory.reduce((sum, d) => sum + d.length, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, size, true);
  v.setUint32(16, offset, true);
  const out = new Uint8Array(offset + size + 22);
  let at = 0;
  for (const part of [...locals, ...directory, end]) (out.set(part, at), (at += part.length));
  return out;
}

const text = (bytes) => new TextDecoder().decode(bytes);

test("every stored file comes out with its name and bytes, folders left out", () => {
  const files = storedFiles(zip([["quiz/", ""], ["quiz/__init__.py", "x = 1\n"], ["quiz/data/a.json", "{}"]]));
  assert.deepEqual(files.map(([name, bytes]) => [name, text(bytes)]), [["quiz/__init__.py", "x = 1\n"], ["quiz/data/a.json", "{}"]]);
});

test("a compressed entry, a damaged directory or bytes that are not a zip are refused, saying which", () => {
  assert.throws(() => storedFiles(zip([["quiz/a.py", "x"]], 8)), /quiz\/a\.py is compressed/);
  assert.throws(() => storedFiles(new TextEncoder().encode("not a zip at all, not even close")), /not a zip file/);
  const damaged = zip([["quiz/a.py", "x"]]);
  damaged[30 + "quiz/a.py".length + 1] = 0; // the directory's signature
  assert.throws(() => storedFiles(damaged), /directory is damaged/);
});

test("installWheel writes each file under site-packages and tells Python to look again", () => {
  const written = new Map();
  const folders = [];
  const ran = [];
  const pyodide = {
    FS: { mkdirTree: (path) => folders.push(path), writeFile: (path, bytes) => written.set(path, text(bytes)) },
    runPython: (code) => ran.push(code),
  };
  installWheel(/** @type {any} */ (pyodide), zip([["quiz/__init__.py", "x = 1\n"]]), "/lib/site-packages");
  assert.deepEqual([...written], [["/lib/site-packages/quiz/__init__.py", "x = 1\n"]]);
  assert.deepEqual(folders, ["/lib/site-packages/quiz"]);
  assert.match(ran.join(""), /invalidate_caches/);
});
