import { describe, expect, it } from "vitest";
import { findNamedRelations } from "./find-named-relations";

describe("findNamedRelations", () => {
  it.each([
    ["My husband Tomasz and I keep squabbling about whose turn it is to cook", "User has a husband, Tomasz"],
    ["any tips for my sister Ana's wedding?", "User has a sister, Ana"],
    ["I'm seeing someone called Priya, ideas for a third date?", "User is dating Priya"],
    ["been dating priya for like a month", "User is dating Priya"],
    ["my little brother Sam starts uni in September", "User has a little brother, Sam"],
    ["My best friend Priya just found out some hard news", "User has a best friend, Priya"],
    ["priya's been my closest friend since college", "User has a closest friend, Priya"],
  ])("names someone of the user's in %j", (text, content) => {
    expect(findNamedRelations(text).map((r) => r.content)).toEqual([content]);
  });

  it.each(["how do i get my dog used to the hoover", "Me and my husband we have a bakery", "My husband name is Tomasz", "my dogs Rex and Fido", "I hate dating apps", "this is my best friend's wedding", "that's my best friend"])(
    "finds no name in %j",
    (text) => {
      expect(findNamedRelations(text)).toEqual([]);
    },
  );
});
