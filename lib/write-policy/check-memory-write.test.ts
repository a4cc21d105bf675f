import { describe, expect, it } from "vitest";
import { checkMemoryWrite } from "@/lib/write-policy/check-memory-write";
import { passesAbaCheck, passesIbanCheck, passesLuhn } from "@/lib/write-policy/checksums";
import { redactSecrets, redactSecretsDeep } from "@/lib/write-policy/redact-secrets";

const verdict = (content: string, memoryType = "fact", hasExpiry = false) => checkMemoryWrite({ content, memoryType, hasExpiry });
const reason = (content: string, memoryType = "fact") => {
  const v = verdict(content, memoryType);
  return v.allowed ? null : v.reason;
};

describe("checksums", () => {
  it("accepts real check digits and rejects near misses", () => {
    expect(passesLuhn("4111111111111111")).toBe(true);
    expect(passesLuhn("4111111111111112")).toBe(false);
    expect(passesLuhn("378282246310005")).toBe(true);
    expect(passesIbanCheck("GB82 WEST 1234 5698 7654 32")).toBe(true);
    expect(passesIbanCheck("GB82 WEST 1234 5698 7654 33")).toBe(false);
    expect(passesIbanCheck("DE89370400440532013000")).toBe(true);
    expect(passesAbaCheck("021000021")).toBe(true);
    expect(passesAbaCheck("021000022")).toBe(false);
  });
});

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
  ])("keeps %j", (content, type) => {
    expect(verdict(content, type)).toEqual({ allowed: true });
  });

  it("lets a memory with an expiry describe a temporary state", () => {
    expect(verdict("User is working from the York office this week", "fact", true)).toEqual({ allowed: true });
  });
});

describe("redaction", () => {
  it("replaces only the secret and keeps the rest of the sentence", () => {
    expect(redactSecrets("I'm a nurse and my locker code is 4471.")).toBe("I'm a nurse and my locker code is [PIN removed].");
    expect(redactSecrets("nothing secret here")).toBe("nothing secret here");
  });

  it("redacts an answer's copy of a secret value its question labelled", () => {
    const question = "my gate code is 5830, can you remind me on Friday?";
    expect(redactSecrets("Sure: 5830 on Friday.", { context: question })).toBe("Sure: [PIN removed] on Friday.");
    expect(redactSecrets("Sure: 5830 on Friday.")).toBe("Sure: 5830 on Friday.");
  });

  it("names a span found by several rules by its most specific kind, whichever rule ran first", () => {
    // The label rule calls it an API key, the random-token rule a token.
    expect(redactSecrets("deploy key for the shop: api key Zx8Kq2Lm9Pw4Rt7Yb3Nc6Vd1Qe5")).toBe("deploy key for the shop: api key [API key removed]");
  });

  it("redacts codes given together, a card given in parts and a dial lock's turns", () => {
    // A second code in the sentence of a labelled one, keypad keys included.
    expect(redactSecrets("the alarm code is 6612* and the shed one is #9047, I always mix them up")).not.toMatch(/6612|9047/);
    expect(redactSecrets("new phone contract: PIN 5521, PUK 61830472")).not.toMatch(/5521|61830472/);
    // Groups of four digits in a message about a card, however the sentences break.
    const card = redactSecrets("My Visa begins 4556 0192. Then it goes 7731 5508, valid till 2029.");
    expect(card).not.toMatch(/4556|0192|7731|5508/);
    expect(card).toContain("2029");
    expect(redactSecrets("I have had my debit card since 2015 and it expires in 2027")).toBe("I have had my debit card since 2015 and it expires in 2027");
    // A dial combination, and a value given after "opens with".
    expect(redactSecrets("bike shed padlock: right to 14, left to 3, right to 27")).not.toMatch(/\b(14|27)\b/);
    expect(redactSecrets("the lockbox by the back door of the cottage, for the cleaners, opens with 3904")).not.toMatch(/3904/);
    expect(redactSecrets("I turn left to the station and right to the bakery")).toBe("I turn left to the station and right to the bakery");
  });

  it("redacts a password with punctuation inside it, and one given as 'pass' beside a user name", () => {
    expect(redactSecrets("NAS login: user backup, pass Qr!7vw2Lp. can you keep it")).not.toMatch(/Qr|7vw2Lp/);
    expect(redactSecrets("logged in with root / Hb93kTz1 and nothing happens")).not.toMatch(/Hb93kTz1/);
    expect(redactSecrets("I pass 3 cafes on the way to work")).toBe("I pass 3 cafes on the way to work");
  });

  it.each([
    ["the 3 digits on the back are 412", "412"],
    ["card: 4539 1488 0343 6467 exp 04/28 sec 771", "771"],
    ["mysql -u root -pS3cretPass! mydb", "S3cretPass"],
    ["le code de ma carte bleue c'est 4417", "4417"],
    ["my password hint is my dog's name plus the year, so rex2019", "rex2019"],
    ["my social is 078051120", "078051120"],
    ["tax number (Steuer-ID) 65929970489", "65929970489"],
    ["answer to 'first pet' is Biscuit for my bank", "Biscuit"],
    ["my mum's maiden name, which the bank asks, is Hollis", "Hollis"],
    ["to check my voicemail I dial 121 then 4410", "4410"],
    ["wifi: BT-Hub-6, key is 4fjKx9Lp2", "4fjKx9Lp2"],
    ["the bank app wants a code / text. it's 804 117, how long is it valid?", "804"],
    ["code 552190 just arrived from the council, pasting it here", "552190"],
    ["Battle.net code: K3T9Q, why does it ask every time", "K3T9Q"],
    ["Meine Passnummer: C8H2J5K1M, falls du sie brauchst", "C8H2J5K1M"],
    ["the bank asked for my mum's maiden name, I said Adebayo", "Adebayo"],
    ["security question: name of your first school? answer: Hillcrest", "Hillcrest"],
    ["my passwrod is marmite77", "marmite77"],
    ["sign in: kt@example.com / Pancakes#19", "Pancakes#19"],
    ["mon code secret de carte est 1986", "1986"],
    ["the door code for the shed is four one nine two", "four one nine two"],
    ["Password123! is what I use for everything tbh", "Password123"],
    ["my laptop login: sarah / ilovecats", "ilovecats"],
    ["the master password for my vault is four words: velvet anchor pickle moon", "pickle"],
    ["bot token 7315529804:AAF2hLq8Wz4xKc9VbN3mT7yR1pD6sJ0eUgX for my group", "AAF2hLq8Wz4xKc9VbN3mT7yR1pD6sJ0eUgX"],
    ["the discord token is NzE4MjM0NTY3ODkwMTIzNDU2Nw.Gx7Yq2.b9KdLm3QwZr8Tn5Vc1Hs6Jp0Fa4Ue7Xi2Yo if it matters", "b9KdLm3QwZr8Tn5Vc1Hs6Jp0Fa4Ue7Xi2Yo"],
    ["the wifi is called Smith_Home and it's kettle-onion-42", "kettle-onion-42"],
  ])("redacts a secret given in everyday words: %s", (text, secret) => {
    expect(redactSecrets(text)).not.toContain(secret);
  });

  it.each(["User uses the Highway Code 2022 edition for driving lessons", "User's dress code at work is smart casual", "User's area code is 0161", "User plays ten-pin bowling and averages 182", "the guest wifi at the cottage is called Hazelnut5G", "User bought a TP-Link Archer AX55 router in 2023", "User's social worker visits on Tuesdays"])(
    "leaves a near miss alone: %s",
    (text) => {
      expect(redactSecrets(text)).toBe(text);
    },
  );

  it("takes every likely value for a secret in a message that talks of credentials, wherever it sits", () => {
    // The value is two sentences from its label, on its own line.
    expect(redactSecrets("Setting up online banking for my dad today. The login screen wants his customer number.\nIt's 88120457, he wrote it inside the cheque book.")).not.toContain("88120457");
    expect(redactSecrets("the side gate has a keypad now. we went with 5190 so the kids can remember it")).not.toContain("5190");
    // Years, times, amounts, measures and model numbers stay.
    const kept = "I pay 12000 a year into savings. I'm on the 07:42 train. I run an RTX4090 on my ES256 test rig. I changed my bank card PIN in 2021.";
    expect(redactSecrets(kept)).toBe(kept);
  });

  it("redacts every string inside message parts", () => {
    const parts = [{ type: "text", text: "card 4111 1111 1111 1111" }, { type: "tool-save_memory", input: { content: "PIN is 1234" } }];
    expect(JSON.stringify(redactSecretsDeep(parts))).not.toMatch(/4111|1234/);
  });
});
