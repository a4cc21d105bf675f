import { describe, expect, it } from "vitest";
import { redactSecrets, redactSecretsDeep } from "@/lib/write-policy/redact-secrets";

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
    ["pasting my config: DISCORD_TOKEN=MTA4NzQ.Gx7kPq.r9Vt2LmW PREFIX=!", "r9Vt2LmW"],
    ["DATABASE_URL=postgres://localhost/shop\nSENDGRID_KEY=SG.xK2pQ9.mR4vT8nL", "mR4vT8nL"],
    ["Tu código de Mercado Pago es 615204. No lo compartas.", "615204"],
    ["Die Kombination für meinen Spind ist 6-2-9.", "6-2-9"],
    ["mon passeport expire en octobre 2028. Le numéro c'est 19AV45872", "19AV45872"],
    ["Wiederherstellungscodes für Proton: x8k2-m4p9, q7n3-t6v1", "q7n3-t6v1"],
    ["my mate gave me his garage code so I can borrow his ladder, it's Josh1990 lol", "Josh1990"],
    ["Home network Hendrix5G, key Stratocaster1969. Chromecast won't pair.", "Stratocaster1969"],
    ["pls save this so I never lose it again: Spotify → moonlight_sonata 🎵", "moonlight_sonata"],
    ["they needed the code from my texts to release a payout. Like an idiot I sent it — 771 045 — and only then thought", "771 045"],
    ["use my Visa, ends in 4417, expires 09/27", "4417"],
    ["use my Visa, ends in 4417, expires 09/27", "09/27"],
    ["usa la Visa que termina en 4417, vence el 09/27", "4417"],
    ["he texted his card: 4929-5512-0387-6604 11/26 cvc 512", "4929-5512-0387-6604"],
    ["the front door keypad is 4#2290, then 2nd floor", "4#2290"],
    ["the record system forces a new password every 60 days. Old one was Sunflower!Ward7, new one is Sunflower!Ward8.", "Sunflower!Ward8"],
    ["key safe by the back door, code C1984 (press clear first)", "C1984"],
    ["they need the immobiliser code off the security card: 3J8-KX29", "3J8-KX29"],
  ])("redacts a secret given in everyday words: %s", (text, secret) => {
    expect(redactSecrets(text)).not.toContain(secret);
  });

  it.each(["User uses the Highway Code 2022 edition for driving lessons", "User's dress code at work is smart casual", "User's area code is 0161", "User plays ten-pin bowling and averages 182", "the guest wifi at the cottage is called Hazelnut5G", "User bought a TP-Link Archer AX55 router in 2023", "User's social worker visits on Tuesdays", "User flies the A320-B737 route", "User had covid-19 in 2021", "STRIPE_PUBLISHABLE_KEY=pk_demo_shopfront", "User's gate is B12 for flight BA2831", "User's passport expires in October 2028", "User commutes Leeds → York, 2 stops", "User moved the project from Python 2 -> Python 3", "User has had a debit card since 2015", "User paid 12/15 of the invoices"])(
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

  it("redacts a value given in the turn after the one that talked of credentials, and the old value of a change", () => {
    expect(redactSecrets("in the developer dashboard: EAAAl7sQx2VbN4pR8wTz5KmC0dHf. I own a cafe", { preceding: "my till wants a Square access token" })).not.toContain("EAAAl7sQ");
    expect(redactSecrets("yes, I changed it from 5830 to 5803", { preceding: "the carers can't get into my dad's" })).not.toMatch(/5830|5803/);
    expect(redactSecrets("I had covid-19 last year and my password manager is great")).toContain("covid-19");
  });

  it("redacts a card's expiry and security code given in the turn after the card was named", () => {
    expect(redactSecrets("09/27 and the cvv's 382", { preceding: "the visa ending 4417" })).not.toMatch(/09\/27|382/);
  });

  it("redacts every string inside message parts", () => {
    const parts = [{ type: "text", text: "card 4111 1111 1111 1111" }, { type: "tool-save_memory", input: { content: "PIN is 1234" } }];
    expect(JSON.stringify(redactSecretsDeep(parts))).not.toMatch(/4111|1234/);
  });
});
