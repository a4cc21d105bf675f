import { z } from "zod";
import { ConversationTitleSchema } from "@/lib/chat/schemas";

export const RenameConversationBodySchema = z.object({ title: ConversationTitleSchema });
