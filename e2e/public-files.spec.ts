import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

// What the app serves from public/: the favicon, the SVG icon, the web app manifest and
// robots.txt, with the content types browsers expect, and the pages' <link>s that point at them.

const FILES = [
  { path: "/favicon.ico", type: /^image\/(x-icon|vnd\.microsoft\.icon)\b/ },
  { path: "/icon.svg", type: /^image\/svg\+xml\b/ },
  { path: "/manifest.webmanifest", type: /^application\/manifest\+json\b/ },
  { path: "/robots.txt", type: /^text\/plain\b/ },
];

test("the icons, the manifest and robots.txt are served with their content types", async ({ request }) => {
  for (const file of FILES) {
    const response = await request.get(file.path);
    expect(response.status(), file.path).toBe(200);
    expect(response.headers()["content-type"], file.path).toMatch(file.type);
  }

  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as Record<string, unknown>;
  expect(manifest).toMatchObject({ name: "Mnemo", short_name: "Mnemo", start_url: "/", display: "standalone" });
  expect(manifest.icons).toContainEqual(expect.objectContaining({ src: "/icon.svg", type: "image/svg+xml" }));

  // A private app: nothing in it is for search engines.
  expect(await (await request.get("/robots.txt")).text()).toBe("User-agent: *\nDisallow: /\n");
});

/** The head's icon and manifest links, and that each one loads. */
async function expectHeadLinks(page: Page) {
  await expect(page.locator('head link[rel="icon"][href="/icon.svg"]')).toHaveAttribute("type", "image/svg+xml");
  await expect(page.locator('head link[rel="icon"][href="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  const hrefs = await page.locator('head link[rel="icon"], head link[rel="manifest"]').evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
  for (const href of hrefs) expect((await page.request.get(href)).status(), href).toBe(200);
}

test("a signed-out page links the icon and the manifest", async ({ page, signInPage }) => {
  await signInPage.goto();
  await expectHeadLinks(page);
});

test("a signed-in page links the icon and the manifest", async ({ page, user, snap }) => {
  void user;
  await page.goto("/");
  await expect(page.getByRole("textbox", { name: "Message" })).toBeVisible();
  await expectHeadLinks(page);
  await snap("chat page with the icons linked");
});
