import { z } from "zod";
import { ConversationIdSchema, ConversationTitleSchema } from "@/lib/chat/schemas";

export const ConversationParamsSchema = z.object({ id: ConversationIdSchema });
export const RenameConversationBodySchema = z.object({ title: ConversationTitleSchema });
