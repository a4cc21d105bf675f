import type { MessageIntent } from "./classify-message";

const ABOUT =
  "I'm Mnemo's offline memory model: I can remember what you tell me about yourself, forget it when you ask, and recall what I know. " +
  "For general conversation, configure a hosted or local LLM (set OPENAI_API_KEY, and OPENAI_BASE_URL for an OpenAI-compatible server such as Ollama).";

/**
 * The answer when no memory tool is needed. This model cannot hold a general conversation,
 * and says so plainly instead of pretending.
 */
export function replyWithoutTools(intent: MessageIntent | "hypothetical"): string {
  switch (intent) {
    case "empty":
      return "I didn't catch a message there. Tell me something about yourself and I'll remember it.";
    case "greeting":
      return `Hi! ${ABOUT}`;
    case "thanks":
      return "You're welcome!";
    case "affirm":
    case "partial-affirm":
      return "Okay. There's nothing waiting for a yes right now — tell me something to remember, or ask what I remember about you.";
    case "deny":
      return "Okay, nothing changed.";
    case "hypothetical":
      return `That sounds hypothetical, so I won't store it as a memory. ${ABOUT}`;
    case "question":
      return `I can't answer general questions offline. ${ABOUT}`;
    case "correction":
      return 'What should I correct? Tell me the right version, for example "Actually, I live in Munich now."';
    case "forget":
    case "recall-all":
    case "recall-question":
      return "My memory tools aren't available in this conversation, so I can't look that up right now.";
    default:
      return `I didn't find anything about you to remember in that. ${ABOUT}`;
  }
}
