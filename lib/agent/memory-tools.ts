import "server-only";
import type { InferUITools } from "ai";
import { deleteMemory } from "@/lib/agent/tools/delete-memory";
import { queryMemory } from "@/lib/agent/tools/query-memory";
import { saveMemory } from "@/lib/agent/tools/save-memory";
import type { ToolContext } from "@/lib/agent/tools/tool-context";

/** The agent's toolset, bound to one request's server-side context. */
export function memoryTools(ctx: ToolContext) {
  return {
    save_memory: saveMemory(ctx),
    delete_memory: deleteMemory(ctx),
    query_memory: queryMemory(ctx),
  };
}

export type MemoryTools = ReturnType<typeof memoryTools>;
export type MemoryUITools = InferUITools<MemoryTools>;
