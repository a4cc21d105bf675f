"use client";

import { fetchJson } from "@/lib/client/fetch-json";
import { AccountDeletionResultSchema, type AccountDeletionResult } from "@/lib/user-data/schemas";

/** Deletes the signed-in account for good (DELETE /api/account), confirmed by its email address. Throws ApiError. */
export function useDeleteAccount() {
  return function deleteAccount(confirmEmail: string): Promise<AccountDeletionResult> {
    return fetchJson("/api/account", { method: "DELETE", body: { confirmEmail }, schema: AccountDeletionResultSchema });
  };
}
