import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

// The icons and the web app manifest are static files in public/.
export const metadata: Metadata = {
  title: { default: "Mnemo", template: "%s · Mnemo" },
  description: "A chat assistant that remembers you, and shows you every memory it writes.",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
  },
  manifest: "/manifest.webmanifest",
};

// Tailwind's indigo-600, the app's accent (the manifest's theme_color).
export const viewport: Viewport = { themeColor: "#4f39f6" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so its scripts carry that request's CSP nonce (proxy.ts);
  // a page prerendered at build time (the 404 page too) has none, and the CSP would block it.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-full font-sans">{children}</body>
    </html>
  );
}
