/**
 * System prompt for episode summaries. The marker line lets the offline model recognise a
 * summarisation request (it cannot follow free-form instructions the way a hosted LLM does).
 */
export const EPISODE_SUMMARY_MARKER = "[mnemo:episode-summary]";

export const EPISODE_SUMMARY_SYSTEM_PROMPT = `${EPISODE_SUMMARY_MARKER}
You write a short episode summary of a conversation between a user and an assistant, for the
assistant's long-term memory. In 2-4 sentences of plain prose, state what the user talked
about, any facts, preferences or decisions they shared, and any outcome or open question.
Write in the third person ("The user ..."). Do not include credentials, payment data or other
people's secrets. Output only the summary.`;
