// Reads benchmark JSON lines on stdin (from multipart_throughput and
// compare.mjs) and prints the machine, then one row per body: each parser's
// throughput in decimal MB/s, upspec's parts per second, and how upspec
// compares with the others. `read` (a plain sum over the buffer) is the
// bandwidth a scan can reach; `memcpy` also writes, so a scan may pass it.
//
//   cat results.jsonl | node table.mjs

import { text } from 'node:stream/consumers';

const PARSERS = ['read', 'memcpy', 'upspec-scalar', 'upspec', 'busboy', 'remix'];
const RATIOS = ['read', 'memcpy', 'busboy', 'remix']; // upspec / each of these
const BASELINES = new Set(['read', 'memcpy']); // they parse nothing

const rows = new Map(); // body name -> { parser -> result }, in input order
for (const [i, line] of (await text(process.stdin)).split('\n').entries()) {
  if (line.trim() === '') continue;
  let r;
  try {
    r = JSON.parse(line);
  } catch {
    console.error(`table.mjs: line ${i + 1} is not JSON: ${line}`);
    process.exit(1);
  }
  if (r.machine) {
    const m = r.machine;
    console.log(`machine: ${m.cpus} CPUs, L3 ${(m.l3_cache_bytes / 2 ** 20).toFixed(0)} MiB, ` +
      `vector search on ${m.vector_target}`);
    continue;
  }
  if (!rows.has(r.body)) rows.set(r.body, {});
  rows.get(r.body)[r.parser] = r;
}

const mbps = (r) => (r ? (r.error ? 'error' : (r.bytes_per_second / 1e6).toFixed(0)) : '-');
const ratio = (a, b) =>
  a && b && !a.error && !b.error ? (a.bytes_per_second / b.bytes_per_second).toFixed(2) + 'x' : '-';
const mparts = (r) => (r ? (r.parts_per_second / 1e6).toFixed(2) : '-');

const header = ['body', 'MiB', 'chunk', ...PARSERS.map((p) => `${p} MB/s`), 'upspec Mparts/s',
  ...RATIOS.map((p) => `upspec/${p}`)];
const table = [header];
const warnings = [];
for (const [body, by] of rows) {
  const any = Object.values(by)[0];
  table.push([body, (any.bytes / 2 ** 20).toFixed(1), String(any.chunk ?? '-'),
    ...PARSERS.map((p) => mbps(by[p])), mparts(by.upspec), ...RATIOS.map((p) => ratio(by.upspec, by[p]))]);
  // Parsers that disagree on what the body holds are not doing the same work,
  // so their speeds are not comparable.
  for (const r of Object.values(by)) if (r.error) warnings.push(`${r.parser} on ${body}: ${r.error}`);
  const seen = Object.values(by)
    .filter((r) => !BASELINES.has(r.parser) && !r.error)
    .map((r) => `${r.parser}: ${r.parts} parts / ${r.part_bytes} bytes`);
  const distinct = new Set(seen.map((s) => s.slice(s.indexOf(':'))));
  if (distinct.size > 1) warnings.push(`${body}: parsers disagree (${seen.join('; ')})`);
}

// Left-align the body names, right-align the numbers.
const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
for (const row of table)
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
for (const w of warnings) console.error(`warning: ${w}`);
