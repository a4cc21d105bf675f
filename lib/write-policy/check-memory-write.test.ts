import { describe, expect, it } from "vitest";
import { checkMemoryWrite } from "@/lib/write-policy/check-memory-write";
import { redactSecrets } from "@/lib/write-policy/redact-secrets";

const verdict = (content: string, memoryType = "fact", hasExpiry = false) => checkMemoryWrite({ content, memoryType, hasExpiry });
const reason = (content: string, memoryType = "fact") => {
  const v = verdict(content, memoryType);
  return v.allowed ? null : v.reason;
};


describe("write policy: secrets and payment data, wherever they appear", () => {
  it.each([
    ["User's phone PIN is 4821", "secret"],
    ["User mentioned the wifi password is sunflower22", "secret"],
    ["Remember the garage door code: 7 7 3 1", "secret"],
    ["User's passphrase is 'correct horse battery staple'", "secret"],
    ["User's 2FA backup code is 884 120", "secret"],
    ["User's mother's maiden name is Okafor", "secret"],
    ["OpenAI key sk-proj-9fQ2xLmT4vB8nR1kZ7wY3cD6", "secret"],
    ["User's AWS access key AKIAIOSFODNN7EXAMPLE", "secret"],
    ["github token ghp_Zq8Wm2Kx5Rt9Lp3Nv7Bc1Hd4Fg6Js0Ya2Ue", "secret"],
    ["bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXZhbHVl", "secret"],
    ["-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----", "secret"],
    ["User's card is 4242 4242 4242 4242, exp 04/29", "payment_data"],
    ["User's Amex 3782-822463-10005", "payment_data"],
    ["User's IBAN is GB82 WEST 1234 5698 7654 32", "payment_data"],
    ["User banks with sort code 20-00-00 and account number 55779911", "payment_data"],
    ["User's card ends in 4242", "payment_data"],
    ["User's SSN is 078-05-1120", "government_id"],
    ["User's national insurance number is QQ 12 34 56 C", "government_id"],
    ["User's passport number is 533380006", "government_id"],
  ])("refuses %j as %s", (content, expected) => {
    expect(reason(content)).toBe(expected);
  });

  it.each([
    // The value a few words away from its label, on either side.
    ["The combination for the bike shed at home is 2280", "secret"],
    ["User's password for the school portal is Maple!Leaf9", "secret"],
    ["Her PIN, she said, is 6620", "secret"],
    ["301 778 was the verification code the bank sent", "secret"],
    ["User's tax reference: UTR 1234567890", "government_id"],
    ["Account 44120987 at Nationwide, sort code 07-04-36", "payment_data"],
    // Shapes: a sort code with its account number, a URL's password, the rest of a card.
    ["Payroll details 20-32-06 / 63021846", "payment_data"],
    ["User's database URL is mysql://app:s3cretPass@db.local/app", "secret"],
  ])("refuses %j as %s", (content, expected) => {
    expect(reason(content)).toBe(expected);
  });

  it.each([
    // A few words between the label and a hard connective; a passphrase is all its words.
    ["The passphrase for my laptop's disk encryption: orange tractor whispers loudly", "secret"],
    ["Recovery email password for the old Yahoo account -> tangerine", "secret"],
    // Any code given as digits, unless it names a public kind of code.
    ["The disarm code's 9-4-1-2 if the alarm goes off", "secret"],
    ["the code the bank sent me was 771 204", "secret"],
    // Authenticator secrets: base32 in groups, or one run of capitals and digits.
    ["Authenticator setup key JB5W Y3DP EH6K 3PXP", "secret"],
    ["MFA secret for the VPN (backup copy): KZ3QW7TRLMX2HP4N", "secret"],
    // Security answers written as a form's answer, or in a text that says what they are.
    ["first car: Corolla2004", "secret"],
    ["favourite teacher -> Mrs Abernathy", "secret"],
    ["For my security questions, the street I grew up on is Larkspur Lane", "secret"],
    // Ids by their shape or their label.
    ["User's social: 219 09 9999", "government_id"],
    ["User's social insurance number is 046 454 286", "government_id"],
    ["User's PAN is ABCPE1234F", "government_id"],
    ["Medicare number 1EG4-TE5-MK73", "government_id"],
    ["Insurance member ID XK49-20731-B on the card", "government_id"],
  ])("refuses %j as %s (a label away from its value, or a shape)", (content, expected) => {
    expect(reason(content)).toBe(expected);
  });

  it.each([
    // Labels in the languages bilingual users mix in, with their own copulas.
    ["User's clave del wifi: Girasol_44", "secret"],
    ["mein Passwort für die Arbeit ist Apfelbaum!9", "secret"],
    ["meu número de passaporte: FT8821047", "government_id"],
    // Configuration pasted as key and value.
    ["DB_PASSWORD=Tr0ub4dor&3", "secret"],
    ['{"apiKey": "a8f3k2m9q1x7"}', "secret"],
    ["  MAIL_SECRET: quietfox", "secret"],
    // A copula may be followed by a colon; a code may end its sentence.
    ["Your Barclays verification code is: 558213. Do not share it.", "secret"],
    ["Q-583920 is your Acme login code", "secret"],
    // What opens a device, unlabelled.
    ["what I type to get into my desktop is pear2291", "secret"],
    // An IBAN that runs into the next word, a session cookie, a Singapore NRIC.
    ["rent goes to GB82 WEST 1234 5698 7654 32 every month", "payment_data"],
    ["PHPSESSID 9fk2m4q8x1z7c3v5b6n0l2k4j8", "secret"],
    ["User's NRIC is T0312345J", "government_id"],
  ])("refuses %j as %s (other languages, configuration, unlabelled shapes)", (content, expected) => {
    expect(reason(content)).toBe(expected);
  });

  it.each([
    // Typos in the label, a value before its label, a user name beside a bare password.
    ["my pasword for netflix is tigerlily9", "secret"],
    ["passwrd: Hollyhock22", "secret"],
    ["Marigold is the password for netflix", "secret"],
    ["username jsmith84, password bluebell", "secret"],
    // What a lock opens with, however it is named; a SIM's PUK; an SMS that carries a code.
    ["the magic number for the side gate is 7731", "secret"],
    ["the alarm is 1-9-8-4, same as the book", "secret"],
    ["SIM PUK 87654321", "secret"],
    ["Use 449120 to sign in to Microsoft", "secret"],
    // More id shapes and a PGP block.
    ["meu CPF é 529.982.247-25", "government_id"],
    ["my nhs no is 9434765919", "government_id"],
    ["-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF8x\n-----END PGP PRIVATE KEY BLOCK-----", "secret"],
  ])("refuses %j as %s (typos, values first, locks, messages with codes)", (content, expected) => {
    expect(reason(content)).toBe(expected);
  });

  it.each([
    // A value of a shape no rule knows, in a sentence that names the secret.
    ["my new passport no is in the drawer: ZK-77Q4-19", "government_id"],
    ["User's work password these days: T!mber-wolf_8", "secret"],
    ["the backup codes GH2K9 and QP7M3 are in my notes", "secret"],
  ])("refuses %j as %s (an unknown shape beside a word that names the secret)", (content, expected) => {
    expect(reason(content)).toBe(expected);
  });

  it.each([
    "User changed their password in March 2024",
    "User's password manager is 1Password",
    "User resets their PIN every 90 days at the 24h branch",
    "User's passport expires in 2031",
    "User paid 12.99 for the password app on 3rd May",
  ])("keeps a sentence that names a secret but holds no value: %j", (content) => {
    expect(verdict(content, "note")).toEqual({ allowed: true });
  });

  it.each([
    "User's storage locker is number 214 at the Dundas location",
    "User's flight boards at gate 114",
    "User's dog is the pin-up of the family",
    "User keeps the safe deposit box at Barclays",
  ])("keeps numbers and words that only sit near a lock: %j", (content) => {
    expect(verdict(content, "note")).toEqual({ allowed: true });
  });

  it.each(["Secret: I'm planning a surprise party for my wife", "Author: Jane Austen is my favourite", "User's meeting is at 0930 on Mondays"])(
    "keeps prose that only looks like configuration: %j",
    (content) => {
      expect(verdict(content, "note")).toEqual({ allowed: true });
    },
  );

  it("refuses a bare value that answers a turn that named a secret, and only then", () => {
    const preceding = "my accountant needs my social security number for the return, can you draft the email?";
    expect(checkMemoryWrite({ content: "nah just put it in: 318447215", memoryType: "note", preceding }).allowed).toBe(false);
    expect(checkMemoryWrite({ content: "nah just put it in: 318447215", memoryType: "note" }).allowed).toBe(true);
    expect(redactSecrets("ok it's 4490", { preceding: "What's the PIN for the side gate?" })).toBe("ok it's [PIN removed]");
    expect(redactSecrets("I was born in 1988", { preceding: "What's the PIN for the side gate?" })).toBe("I was born in 1988");
  });

  it("keeps every value out of a refused secret's preview, not only the ones it recognised", () => {
    const v = checkMemoryWrite({ content: "GitHub recovery codes: 2079d-94574 3e8fb-a733c c891c-85d53", memoryType: "note" });
    expect(v.allowed).toBe(false);
    if (v.allowed) return;
    expect(v.preview).not.toMatch(/\d/);
  });

  it("refuses any digit-bearing part of a secret the user's message held", () => {
    const context = "book it on this one:\n4242 4242 4242 4242\nexp 11/2027\ncvv 123";
    const v = checkMemoryWrite({ content: "Card expiry 11/2027", memoryType: "note", context });
    expect(v.allowed).toBe(false);
  });

  it("removes a card's expiry and security code with its number", () => {
    const redacted = redactSecrets("pay with 4242 4242 4242 4242, 11/29, 318 please");
    expect(redacted).not.toMatch(/11\/29|318/);
  });

  it.each([
    "User has had the same password since 2015",
    "User's zip code is 90210",
    "User's Netflix account dates from 2019",
    "User uses 1Password as a password manager",
    "User writes code 40 hours a week",
    "User's promo code was SAVE20",
    "User's passport was renewed in March 2024",
    "User's first dog was called Rex",
    "User's favourite teacher was Mrs Abernathy",
    "User's area code is 415",
    "User got error code 404 on the bank's website",
    "They made cake 2457 times last year",
  ])("keeps a number near a secret word that is not one: %j", (content) => {
    expect(verdict(content, "note")).toEqual({ allowed: true });
  });

  it("refuses a secret value from the user's message even when the memory dropped its label", () => {
    const context = "which format does the SSN field take? mine is 219099999 and it keeps failing";
    expect(reason("mine is 219099999 and it keeps failing")).toBeNull();
    const v = checkMemoryWrite({ content: "User's number is 219-09-9999", memoryType: "fact", context });
    expect(v.allowed).toBe(false);
    if (v.allowed) return;
    expect(v.reason).toBe("government_id");
    expect(v.preview).not.toMatch(/219|9999/);
    expect(checkMemoryWrite({ content: "User is filling in a form", memoryType: "fact", context })).toEqual({ allowed: true });
  });

  it("refuses secrets in every type, episode summaries included", () => {
    for (const type of ["fact", "preference", "decision", "note", "episode"]) {
      expect(reason("Discussed the alarm; the alarm code is 9914", type)).toBe("secret");
    }
  });

  it.each([
    "User works in cybersecurity",
    "User uses 1Password for every account",
    "User always forgets passwords, so uses a password manager",
    "User's lucky number is 7",
    "User was born in 1988",
    "User's flight is BA283 on Friday",
    "User lives at 42 Elm Street",
    "User wears a size 9 shoe",
    "User switched banks to Monzo",
    "User's favourite number is 42",
    "Remember that the cabin's wifi network is called Birchnet",
    "User's phone number is +44 7700 900123",
    "User's password is too long to remember",
  ])("lets %j through", (content) => {
    expect(verdict(content, "note")).toEqual({ allowed: true });
  });

  it("keeps the secret out of the preview and the message", () => {
    const v = verdict("User's locker code is 4471 and the wifi password is sunflower22");
    expect(v.allowed).toBe(false);
    if (v.allowed) return;
    expect(v.preview).not.toMatch(/4471|sunflower22/);
    expect(v.preview).toContain("removed]");
    expect(v.message).toMatch(/never stores/);
  });
});

describe("write policy: other people's sensitive matters", () => {
  it.each([
    "User's mother has dementia",
    "User's son was diagnosed with ADHD",
    "Tom from work was arrested last year",
    "User's brother is in debt",
    "User cares for her wife, who has MS",
    "User's best friend came out as gay",
    "User's sister is going through a divorce",
  ])("refuses %j", (content) => {
    expect(reason(content)).toBe("third_party_sensitive");
  });

  it.each(["User has type 1 diabetes", "User's sister is a nurse", "User is a nurse who works with cancer patients", "User's partner is a teacher", "User owes her brother £200"])(
    "keeps the user's own facts: %j",
    (content) => {
      expect(verdict(content)).toEqual({ allowed: true });
    },
  );
});

describe("write policy: junk", () => {
  it.each([
    ["User is so tired today", "passing_state"],
    ["User is stressed about tomorrow's meeting", "passing_state"],
    ["User is in a rush", "passing_state"],
    ["User is not feeling well", "passing_state"],
    ["User is in Berlin this week for a conference", "passing_state"],
    ["User is at the gym today", "passing_state"],
    ["User goes to a Japanese restaurant this night", "passing_state"],
    ["User made a typo earlier", "about_conversation"],
    ["User makes mistake", "about_conversation"],
    ["User found the explanation helpful", "about_conversation"],
    ["User thanked the assistant", "about_conversation"],
    ["User corrected their earlier statement about the city", "about_conversation"],
    ["What is a good pasta recipe?", "question"],
    ["How do I reset my router", "question"],
    ["User asked for a haiku about autumn", "task_request"],
    ["User is ordering a big box of it", "fragment"],
    ["User really wants to try that", "fragment"],
    ["Write a cover letter for the job", "task_request"],
    ["User likes it", "fragment"],
    ["User has been there twice", "fragment"],
    ["yeah", "fragment"],
    ["User it", "fragment"],
    ["User ends up just watching everyone else eat it", "fragment"],
    ["User is routing bank details removed", "fragment"],
    ["User's passport number is [ID number removed]", "fragment"],
    ["User", "fragment"],
  ])("refuses %j as %s", (content, expected) => {
    expect(reason(content)).toBe(expected);
  });

  it.each([
    ["User is a vegetarian", "fact"],
    ["Prefers dark mode", "preference"],
    ["User wants short answers from now on", "preference"],
    ["User wants the assistant to call them Sam", "preference"],
    ["User is always tired in the mornings", "fact"],
    ["User has been vegan since 2015 and loves it", "fact"],
    ["User wants the assistant to go step by step with them", "preference"],
    ["User has a password manager doing all of it", "fact"],
    ["User's sign in name is sarah_k", "fact"],
    ["User's Bitwarden vault holds 300 passwords", "fact"],
    ["User is happy with short answers", "preference"],
    ["User is a full-time carer", "fact"],
    ["User decided to move to Lisbon", "decision"],
    ["User's dentist appointment is today at 3pm", "note"],
    ["User is not a morning person", "fact"],
    ["User currently lives in Leeds", "fact"],
    ["User smokes", "fact"],
    ["User has two cats and adores them", "fact"],
    ["User's go-to bakery is Gail's on Thistle Street", "fact"],
    ["User removed the old fence", "fact"],
    ["User switched to Hetzner this morning", "fact"],
    ["User meditates.", "fact"],
  ])("keeps %j", (content, type) => {
    expect(verdict(content, type)).toEqual({ allowed: true });
  });

  it("lets a memory with an expiry describe a temporary state", () => {
    expect(verdict("User is working from the York office this week", "fact", true)).toEqual({ allowed: true });
  });
});
