// Build step, run by hooks/precompress.py: brotli and gzip copies of files, at the highest settings.
// Usage: node precompress.mjs <jobs.json>, jobs being [[source, brotli target, gzip target], ...].
// Node's zlib has both built in; neither output carries a timestamp or a file name, so the same
// input gives the same bytes.
import { readFile, rename, writeFile } from "node:fs/promises";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

async function writeWhole(path, bytes) {
  await writeFile(`${path}.partial`, bytes);
  await rename(`${path}.partial`, path);
}

for (const [source, brotliTarget, gzipTarget] of JSON.parse(await readFile(process.argv[2], "utf8"))) {
  const bytes = await readFile(source);
  await writeWhole(brotliTarget, brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      // The largest window every browser's decoder accepts (16 MB): the runtime files are bigger than the default 4 MB.
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }));
  await writeWhole(gzipTarget, gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }));
}
