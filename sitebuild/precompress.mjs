// Build step, run by sitebuild/precompress.py: brotli and gzip copies of files, at the highest settings.
// Usage: node precompress.mjs <jobs.json>, jobs being [[source, brotli target, gzip target], ...].
// Node's zlib has both built in; neither output carries a timestamp or a file name, so the same
// input gives the same bytes. The asynchronous forms run on libuv's thread pool, so the files
// compress side by side on every core (brotli at its highest setting is most of a cold build).
import { readFile, rename, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

async function writeWhole(path, bytes) {
  await writeFile(`${path}.partial`, bytes);
  await rename(`${path}.partial`, path);
}

async function compress([source, brotliTarget, gzipTarget]) {
  const bytes = await readFile(source);
  await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        // The largest window every browser's decoder accepts (16 MB): the runtime files are bigger than the default 4 MB.
        [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).then((compressed) => writeWhole(brotliTarget, compressed)),
    gzipped(bytes, { level: constants.Z_BEST_COMPRESSION }).then((compressed) => writeWhole(gzipTarget, compressed)),
  ]);
}

await Promise.all(JSON.parse(await readFile(process.argv[2], "utf8")).map(compress));
