import { describe, expect, it } from "vitest";
import { alignTexts } from "@/lib/embeddings/align-texts";

describe("alignTexts", () => {
  it("scores a memory that answers a question in other words above one about something else", () => {
    const job = alignTexts({ query: "What's my job?", text: "User is a nurse" });
    expect(job).toBeGreaterThan(alignTexts({ query: "What's my job?", text: "User has a cat named Biscuit" }));
    const pet = alignTexts({ query: "What breed is my dog?", text: "User has a husky called Luna" });
    expect(pet).toBeGreaterThan(alignTexts({ query: "What breed is my dog?", text: "User works as an accountant" }));
  });

  it("scores a text that says every content word of the query as 1", () => {
    expect(alignTexts({ query: "Where does my sister live?", text: "User's sister lives in Lisbon" })).toBe(1);
  });

  it("lets the rare word of a query decide over a common one", () => {
    const rare = alignTexts({ query: "my penicillin allergy", text: "User is allergic to penicillin" });
    const common = alignTexts({ query: "my penicillin allergy", text: "User has an allergy to dust" });
    expect(rare).toBeGreaterThan(common);
  });

  it("scores a query made only of question words as 0", () => {
    expect(alignTexts({ query: "What can you tell me?", text: "User is a nurse" })).toBe(0);
  });
});
