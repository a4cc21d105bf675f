import Link from "next/link";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { getSessionUser } from "@/lib/auth/get-session-user";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await getSessionUser({ headers: await headers() })) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <Link href="/" className="mb-8 block text-center text-2xl font-semibold tracking-tight text-indigo-700">
          Mnemo
        </Link>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">{children}</div>
        <p className="mt-6 text-center text-xs text-zinc-500">
          An assistant that remembers you, and shows you every memory it writes.
        </p>
      </div>
    </main>
  );
}
