// Medians and 95th percentiles (nearest rank), as BENCHMARKS.md reports them.
export function quantile(values, q) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export function summary(values) {
  return { n: values.length, median: quantile(values, 0.5), p95: quantile(values, 0.95), samples: values.map((v) => Math.round(v * 100) / 100) };
}

/** Runs `once` `warmup` times unrecorded, then `runs` times; returns its results. */
export async function repeat(warmup, runs, once) {
  for (let i = 0; i < warmup; i++) await once(i);
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await once(warmup + i));
  return out;
}
