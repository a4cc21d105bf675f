import { z } from "zod";

const TextPartsSchema = z.array(z.looseObject({ type: z.string(), text: z.string().optional() }));

/** The plain text of a stored chat message (AI SDK UI parts); tool parts are left out. */
export function messageText(parts: unknown): string | null {
  const parsed = TextPartsSchema.safeParse(parts);
  if (!parsed.success) return null;
  const text = parsed.data
    .filter((p) => p.type === "text" && p.text)
    .map((p) => p.text)
    .join("\n")
    .trim();
  return text === "" ? null : text;
}
