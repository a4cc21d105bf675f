import type { Term } from "./parse-sentences";

export type MemoryType = "fact" | "preference" | "decision" | "note";

/** What the whole message says about how to read each clause. */
export type MessageCues = {
  /** The user asked for something to be kept ("remember that …", "jot that down") */
  explicit: boolean;
  /** A standing marker that belongs to no claim of its own ("that's for all recipes going forward") */
  lasting: boolean;
  /** The user says it is settled ("that's final", "it's official") */
  committed: boolean;
  /** The message corrects an earlier memory */
  correction: boolean;
  /** The message gives the claim an expiry ("until Friday", "just for this week") */
  expiring: boolean;
  /** The message names a secret ("passport", "PIN"): long numbers in it are left out */
  secretContext: boolean;
  /** Someone else is talked about: "her team" can point at them */
  someoneElse: boolean;
  /** Anyone else is named in the message (a friend, a son, a colleague), whatever is said of them */
  others: boolean;
};

/** What the clause's own sentence says. */
export type SentenceCues = {
  hypothetical: boolean;
  /** "nothing's decided", "not set in stone": plans in it are proposals */
  undecided: boolean;
  /** "whenever …", "from now on": requests in it stand */
  lasting: boolean;
  /** "just this once", "for this reply" */
  oneOff: boolean;
  /** "right now", "today": what it says is of the moment */
  moment: boolean;
  text: string;
};

export type DraftMemory = {
  content: string;
  type: MemoryType;
  importance: number;
  hedged: boolean;
  /** Who the user is (job, home, health, family): kept even as a reason ("because I'm vegan") */
  identity: boolean;
  /** An instruction about answers: recalled whatever the message */
  standing: boolean;
  /** An object pronoun still stands for something earlier ("love them") */
  pronoun: Term | null;
  /** The user asked for this one to be kept ("remember that …" in its sentence) */
  asked?: boolean;
};

export type Verdict = { keep: true; memory: DraftMemory } | { keep: false; reason: string };

export const skip = (reason: string): Verdict => ({ keep: false, reason });
export const keep = (memory: Omit<DraftMemory, "pronoun" | "hedged" | "identity" | "standing"> & Partial<DraftMemory>): Verdict => ({
  keep: true,
  memory: { pronoun: null, hedged: false, identity: false, standing: false, ...memory },
});
