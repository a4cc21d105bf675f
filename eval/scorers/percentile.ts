/** Nearest-rank percentile (p in 0..100); 0 for no values, so an empty run still reports. */
export function percentile(options: { values: number[]; p: number }): number {
  const sorted = [...options.values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((options.p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
