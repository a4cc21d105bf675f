import type { MemoryCandidate } from "./memory-candidate";

const HABIT = /^User (always|never|constantly|usually|often|sometimes|keeps|tends)\b/;

/**
 * "…, so I'll need to leave early" is a consequence of what came before: dropped, unless it is
 * the only thing the user said about themselves ("Trains are slow here, so I drive"). A choice
 * made there is kept, and then what led to it ("My laptop died, so I'm buying …") is the reason.
 */
export function keepMainClauses<T extends { memory: MemoryCandidate; join: string; settled: boolean }>(kept: T[]): T[] {
  const choice = kept.findIndex((k) => k.join === "so" && k.memory.memory_type === "decision");
  return kept.filter((k, i) => {
    if (choice >= 0 && i < choice) return k.settled;
    // "…, and I always get them mixed up": a habit or complaint tacked on to the main fact.
    if (i > 0 && HABIT.test(k.memory.content)) return false;
    return k.join !== "so" || k.memory.memory_type === "decision" || i === 0;
  });
}
