"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** Sign-in and sign-up share one form: same fields, same error handling. */
export function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    const result =
      mode === "sign-in"
        ? await authClient.signIn.email({ email, password })
        : await authClient.signUp.email({ email, password, name: String(form.get("name") ?? "").trim() || email });
    setPending(false);
    if (result.error) {
      setError(describeError(mode, result.error));
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate={false}>
      {mode === "sign-up" ? <TextField label="Name" name="name" autoComplete="name" required maxLength={100} /> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
        required
        minLength={8}
        hint={mode === "sign-up" ? "At least 8 characters." : undefined}
      />
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Please wait…" : mode === "sign-in" ? "Sign in" : "Create account"}
      </Button>
      <p className="text-center text-sm text-zinc-600">
        {mode === "sign-in" ? (
          <>
            New to Mnemo? <Link className="font-medium text-indigo-700 underline" href="/sign-up">Create an account</Link>
          </>
        ) : (
          <>
            Already have an account? <Link className="font-medium text-indigo-700 underline" href="/sign-in">Sign in</Link>
          </>
        )}
      </p>
    </form>
  );
}

function describeError(mode: "sign-in" | "sign-up", error: { status?: number; code?: string; message?: string }) {
  if (mode === "sign-in" && (error.status === 401 || error.code === "INVALID_EMAIL_OR_PASSWORD")) {
    return "Wrong email or password. Please try again.";
  }
  if (error.status === 429) return "Too many attempts. Please wait a minute and try again.";
  return error.message || "Something went wrong. Please try again.";
}

/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
function safeNext(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}
