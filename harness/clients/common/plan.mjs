// What every JavaScript adapter does around its library: read the plan UPSPEC_PLAN names, turn
// each scenario's {"$file": id} markers into File objects (one object per file, so a file used
// twice is the same object), perform the scenarios one at a time, and say on standard error
// when the library refused one. Only node: modules, since adapters load it by relative path.
import { readFileSync } from "node:fs";

export function readPlan() {
  return JSON.parse(readFileSync(process.env.UPSPEC_PLAN, "utf8"));
}

// The scenario's operations with File objects where its files go.
export function withFiles(scenario) {
  const files = new Map();
  const fileFor = (id) => {
    if (!files.has(id)) {
      const spec = scenario.files[id];
      const options = spec.type === null ? {} : { type: spec.type };
      files.set(id, new File([readFileSync(spec.path)], spec.name, options));
    }
    return files.get(id);
  };
  const walk = (value) => {
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === "object") {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === "$file") return fileFor(value.$file);
      return Object.fromEntries(keys.map((k) => [k, walk(value[k])]));
    }
    return value;
  };
  return walk(scenario.operations);
}

// Performs each scenario with `perform(scenario, operations)`, where operations hold Files.
export async function performAll(perform) {
  for (const scenario of readPlan().scenarios) {
    try {
      await perform(scenario, withFiles(scenario));
    } catch (error) {
      const message = String(error?.message ?? error).replace(/\s+/g, " ");
      process.stderr.write(`upspec-scenario ${scenario.id}: ${message}\n`);
    }
  }
}
