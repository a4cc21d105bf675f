/**
 * Size of a maximum one-to-one matching between `leftCount` items and `rightCount` items, where
 * `canMatch(left, right)` says which pairs may be matched (Kuhn's augmenting paths; the sets per
 * case are tiny). One-to-one is what makes duplicates count: the same fact written twice can
 * satisfy one expectation only, and one memory that lumps two facts together satisfies one.
 */
export function findMaximumMatching(options: {
  leftCount: number;
  rightCount: number;
  canMatch: (left: number, right: number) => boolean;
}): number {
  const { leftCount, rightCount, canMatch } = options;
  const leftOfRight: Array<number | undefined> = new Array(rightCount).fill(undefined);

  const augment = (left: number, visited: boolean[]): boolean => {
    for (let right = 0; right < rightCount; right++) {
      if (visited[right] || !canMatch(left, right)) continue;
      visited[right] = true;
      const owner = leftOfRight[right];
      if (owner === undefined || augment(owner, visited)) {
        leftOfRight[right] = left;
        return true;
      }
    }
    return false;
  };

  let size = 0;
  for (let left = 0; left < leftCount; left++) {
    if (augment(left, new Array<boolean>(rightCount).fill(false))) size++;
  }
  return size;
}
