// Reads benchmark JSON lines on stdin (from multipart_throughput and
// compare.mjs) and prints one row per body: each parser's throughput in
// decimal MB/s and how upspec compares with the others.
//
//   cat results.jsonl | node table.mjs

import { text } from 'node:stream/consumers';

const PARSERS = ['upspec', 'memcpy', 'busboy', 'remix'];
const RATIOS = ['memcpy', 'busboy', 'remix']; // upspec / each of these

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
  if (!rows.has(r.body)) rows.set(r.body, {});
  rows.get(r.body)[r.parser] = r;
}

const mbps = (r) => (r ? (r.bytes_per_second / 1e6).toFixed(1) : '-');
const ratio = (a, b) => (a && b ? (a.bytes_per_second / b.bytes_per_second).toFixed(2) + 'x' : '-');

const header = ['body', ...PARSERS.map((p) => `${p} MB/s`), ...RATIOS.map((p) => `upspec/${p}`)];
const table = [header];
const warnings = [];
for (const [body, by] of rows) {
  table.push([body, ...PARSERS.map((p) => mbps(by[p])), ...RATIOS.map((p) => ratio(by.upspec, by[p]))]);
  // Parsers that disagree on what the body holds are not doing the same work,
  // so their speeds are not comparable. memcpy parses nothing; leave it out.
  const seen = Object.values(by)
    .filter((r) => r.parser !== 'memcpy')
    .map((r) => `${r.parser}: ${r.parts} parts / ${r.part_bytes} bytes`);
  const distinct = new Set(seen.map((s) => s.slice(s.indexOf(':'))));
  if (distinct.size > 1) warnings.push(`${body}: parsers disagree (${seen.join('; ')})`);
}

// Left-align the body names, right-align the numbers.
const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
for (const row of table)
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
for (const w of warnings) console.error(`warning: ${w}`);
