/**
 * Splits text into lowercase words. Apostrophes are dropped rather than split on, so the
 * agent's "User's" becomes "users" (stemmed to "user") instead of a stray "s".
 */
export function tokenizeWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}
