import { basename } from "node:path";

/** Datasets are routed by file name: any file whose name contains "memory_write" uses this format. */
export function isMemoryWriteDataset(path: string): boolean {
  return basename(path).includes("memory_write");
}
