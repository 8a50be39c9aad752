// Times Node's multipart/form-data parsers on the bodies that upspec's C++
// benchmark uses, so the numbers can be put side by side.
//
//   node compare.mjs DIR
//
// DIR/manifest.json lists the bodies (see reference/bench/compare.sh). For each
// body, every parser has one warm-up run, then the parsers take turns, an
// untimed and a timed run each per round; each stops once it has `iterations`
// timed runs and `min_seconds` of running
// (a steady state, and a drift in the machine's speed touches both alike); one
// JSON line per parser gives the median. Every run must see the same number of
// parts and the same total of part bytes as the warm-up run, so a parser that
// silently truncates or skips data cannot look fast.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import busboy from 'busboy';
import { MultipartParser, getMultipartBoundary } from '@remix-run/multipart-parser/node';

// The chunk size a socket-fed parser typically sees, unless the manifest says
// otherwise for a body; the C++ side uses the same.
const CHUNK = 64 * 1024;

// Split once, outside the timed region: subarray() makes views, not copies, so
// every run feeds the parser exactly the same memory.
function chunksOf(body, size) {
  const chunks = [];
  for (let at = 0; at < body.length; at += size) chunks.push(body.subarray(at, at + size));
  return chunks;
}

// busboy is a Writable stream that hands file data out through per-part
// Readable streams and non-file fields as decoded strings.
async function runBusboy(chunks, contentType) {
  let parts = 0;
  let partBytes = 0;
  const bb = busboy({
    headers: { 'content-type': contentType },
    // busboy's defaults truncate fields at 1 MiB; lift every limit so the
    // whole body is parsed (truncation is also caught below via 'limit').
    limits: {
      fieldSize: Infinity,
      fileSize: Infinity,
      fields: Infinity,
      files: Infinity,
      parts: Infinity,
    },
    // Decode non-file fields as latin1: one char per byte, so value.length is
    // the raw byte count (unless a part declares its own charset).
    defCharset: 'latin1',
  });
  const done = new Promise((resolve, reject) => {
    bb.on('file', (name, stream) => {
      parts++;
      stream.on('data', (data) => { partBytes += data.length; });
      stream.on('limit', () => reject(new Error(`busboy truncated file part ${name}`)));
      stream.on('error', reject);
    });
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated) reject(new Error(`busboy truncated field ${name}`));
      parts++;
      partBytes += value.length;
    });
    bb.on('error', reject);
    // 'close' comes after 'finish' and after every file stream has ended.
    bb.on('close', resolve);
  });
  for (const chunk of chunks) {
    // Honour backpressure as a real pipe would; 'drain' follows promptly
    // because the file streams are in flowing mode.
    if (!bb.write(chunk)) await once(bb, 'drain');
  }
  bb.end();
  await done;
  return { parts, partBytes };
}

// @remix-run/multipart-parser: the MultipartParser push API. write(chunk) is a
// generator that yields each part once its closing boundary has been seen; the
// part's body is the list of byte ranges (mostly views into our chunks).
async function runRemix(chunks, contentType) {
  const boundary = getMultipartBoundary(contentType);
  if (!boundary) throw new Error(`no boundary in ${contentType}`);
  // Its defaults cap files at 2 MiB and 1000 parts; lift them.
  const parser = new MultipartParser(boundary, {
    maxHeaderSize: Infinity,
    maxFileSize: Infinity,
    maxParts: Infinity,
    maxTotalSize: Infinity,
  });
  let parts = 0;
  let partBytes = 0;
  for (const chunk of chunks) {
    // The generator must be drained: parsing only advances as parts are pulled.
    for (const part of parser.write(chunk)) {
      parts++;
      // Headers are decoded lazily; ask for the name so remix does the same
      // Content-Disposition work busboy and upspec do for every part.
      if (part.name === undefined) throw new Error('remix part without a name');
      for (const range of part.content) partBytes += range.length;
    }
  }
  parser.finish(); // throws unless the closing boundary was seen
  return { parts, partBytes };
}

const PARSERS = { busboy: runBusboy, remix: runRemix };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function benchBody(dir, entry) {
  const { name, file, content_type: contentType } = entry;
  const iterations = entry.iterations ?? 5;
  if (typeof name !== 'string' || typeof file !== 'string' || typeof contentType !== 'string')
    throw new Error(`manifest entry needs name, file and content_type: ${JSON.stringify(entry)}`);
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new Error(`${name}: iterations must be a positive integer`);

  const minSeconds = entry.min_seconds ?? 1;
  const body = readFileSync(join(dir, file));
  const chunks = chunksOf(body, entry.chunk ?? CHUNK);

  const runs = [];
  for (const [parser, run] of Object.entries(PARSERS)) {
    // The warm-up run lets the JIT settle and fixes what every later run must see. A parser
    // that refuses the body has no figure for it: the line says why, and the others go on.
    let expected;
    try {
      expected = await run(chunks, contentType);
    } catch (err) {
      console.log(JSON.stringify({ parser, body: name, bytes: body.length, chunk: entry.chunk ?? CHUNK,
        error: String(err.message ?? err) }));
      continue;
    }
    // If the manifest states the counts, hold the warm-up run to them too.
    if (entry.parts !== undefined && entry.parts !== expected.parts)
      throw new Error(`${parser} on ${name}: ${expected.parts} parts, manifest says ${entry.parts}`);
    if (entry.part_bytes !== undefined && entry.part_bytes !== expected.partBytes)
      throw new Error(`${parser} on ${name}: ${expected.partBytes} part bytes, manifest says ${entry.part_bytes}`);
    runs.push({ parser, run, expected, seconds: [] });
  }

  // A parser is done once it has `iterations` timed runs and `minSeconds` of running; the
  // rounds go on until both are.
  const done = (r) => r.seconds.length >= iterations && r.seconds.reduce((a, b) => a + b, 0) >= minSeconds;
  for (let round = 0; runs.some((r) => !done(r)); round++) {
    for (const r of runs) {
      if (done(r)) continue;
      // An untimed run first, as on the C++ side: the timed one starts from the caches its
      // own parser leaves, not from what the other parser left.
      await r.run(chunks, contentType);
      const start = process.hrtime.bigint();
      const seen = await r.run(chunks, contentType);
      r.seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
      if (seen.parts !== r.expected.parts || seen.partBytes !== r.expected.partBytes)
        throw new Error(`${r.parser} on ${name}: run ${round + 1} saw ${seen.parts} parts / ${seen.partBytes} bytes, ` +
          `warm-up saw ${r.expected.parts} / ${r.expected.partBytes}`);
    }
  }
  for (const r of runs) {
    const med = median(r.seconds);
    console.log(JSON.stringify({
      parser: r.parser,
      body: name,
      bytes: body.length,
      chunk: entry.chunk ?? CHUNK,
      runs: r.seconds.length,
      seconds: med,
      bytes_per_second: body.length / med,
      parts: r.expected.parts,
      parts_per_second: r.expected.parts / med,
      part_bytes: r.expected.partBytes,
    }));
  }
}

async function main() {
  const dir = process.argv[2];
  if (!dir || process.argv.length > 3) throw new Error('usage: node compare.mjs DIR');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  if (!Array.isArray(manifest.bodies)) throw new Error('manifest.json has no "bodies" array');
  for (const entry of manifest.bodies) await benchBody(dir, entry);
}

main().catch((err) => {
  console.error(`compare.mjs: ${err.message ?? err}`);
  process.exit(1);
});
