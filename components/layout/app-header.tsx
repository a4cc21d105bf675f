import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session-user";
import { MainNav } from "@/components/layout/main-nav";
import { SignOutButton } from "@/components/layout/sign-out-button";

export function AppHeader({ user, pendingCount }: { user: SessionUser; pendingCount: number }) {
  const items = [
    { href: "/", label: "Chat" },
    { href: "/memories", label: "Memories" },
    { href: "/memories/pending", label: "Pending", pendingBadge: true },
    { href: "/activity", label: "Activity" },
    { href: "/data", label: "Your data" },
    ...(user.role === "admin"
      ? [
          { href: "/admin/audit", label: "Audit log" },
          { href: "/admin/evals", label: "Evals" },
          { href: "/admin/system", label: "System" },
          { href: "/admin/deletions", label: "Deletions" },
        ]
      : []),
  ];
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <Link href="/" className="text-lg font-semibold tracking-tight text-indigo-700">
          Mnemo
        </Link>
        {/* Small screens: logo and account on the first row, the navigation scrolls on the second. */}
        <div className="order-last w-full min-w-0 sm:order-none sm:w-auto">
          <MainNav items={items} pendingCount={pendingCount} />
        </div>
        <div className="ml-auto flex items-center gap-2">
          <span className="hidden max-w-48 truncate text-sm text-zinc-600 sm:inline" title={user.email}>
            {user.email}
          </span>
          {user.role === "admin" ? (
            <span className="rounded bg-zinc-900 px-1.5 py-0.5 text-xs font-medium text-white">admin</span>
          ) : null}
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
