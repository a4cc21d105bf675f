"use client";

import { useId, useState } from "react";
import { ConfirmDialog } from "@/components/memory/confirm-dialog";
import { Button } from "@/components/ui/button";
import { useDeleteAccount } from "@/hooks/use-delete-account";
import { errorMessage } from "@/lib/client/fetch-json";

/** Deletes the account and everything in it, after the user types its email address. */
export function DeleteAccountSection({ email }: { email: string }) {
  const deleteAccount = useDeleteAccount();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim().toLowerCase() === email.toLowerCase();

  async function confirm() {
    if (!matches) {
      setError("Type your email address exactly to confirm.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await deleteAccount(typed.trim());
      // The session went with the account: a full navigation leaves nothing of it in this tab.
      window.location.assign("/sign-in");
    } catch (err) {
      setError(errorMessage(err, "The account was not fully deleted. Try again to finish."));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="account-heading" className="flex flex-col gap-3 rounded-lg border border-red-200 bg-white p-4">
      <h2 id="account-heading" className="text-base font-semibold">
        Delete my account
      </h2>
      <p className="text-sm text-zinc-700">
        Erases every memory, conversation and message, your activity&apos;s text, and then the account itself and its sessions. Download
        your data first if you want to keep it. Administrators only see that an account was deleted and how much it held.
      </p>
      <div>
        <Button variant="danger" onClick={() => setOpen(true)}>
          Delete my account…
        </Button>
      </div>
      {error && !open ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        title="Delete your account for good?"
        confirmLabel="Delete my account"
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setOpen(false);
          setTyped("");
          setError(null);
        }}
      >
        <p>Everything Mnemo holds about you will be erased. This cannot be undone.</p>
        <label htmlFor={`${id}-email`} className="mt-3 block text-sm font-medium text-zinc-700">
          Type your email address ({email}) to confirm
        </label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          className="mt-1 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
        />
        {error ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
