// Idioms whose words point matching the wrong way, said plainly: "what do I do for a living?" asks for a
// job, not a home; "where am I based?" asks where the user lives. Used by recall's search and by
// the offline model's answer step, so both read a question the same way.
export function plainQuestion(text: string): string {
  return text
    .replace(/\bdo for a living\b/gi, "do as a job")
    .replace(/\bfor a living\b/gi, "as a job")
    .replace(/\b(am i|are we) based\b/gi, "do I live");
}
