import type { MemoryType } from "./classify-clause";

/** One memory the offline model would save: the save_memory tool's input, before it is called. */
export type MemoryCandidate = {
  content: string;
  memory_type: MemoryType;
  confidence: number;
  importance: number;
};
