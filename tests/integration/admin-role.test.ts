import { describe, expect, it } from "vitest";
import { listAdmins } from "@/lib/admin/list-admins";
import { setUserRole } from "@/lib/admin/set-user-role";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createTestUser } from "@/tests/support/test-users";

const roleOf = async (id: string) => (await getDb().user.findUniqueOrThrow({ where: { id } })).role;

describe("setUserRole (scripts/admin.ts)", () => {
  it("grants and revokes the admin role of an existing account, matching the email in any case", async () => {
    const user = await createTestUser({ prefix: "ops" });
    const bystander = await createTestUser({ prefix: "ops" });
    expect(await setUserRole({ email: ` ${user.email.toUpperCase()} `, role: "admin" })).toMatchObject({ id: user.id, role: "admin", changed: true });
    expect(await roleOf(user.id)).toBe("admin");
    expect((await listAdmins()).map((a) => a.id)).toContain(user.id);
    expect(await setUserRole({ email: user.email, role: "admin" })).toMatchObject({ changed: false });

    expect(await setUserRole({ email: user.email, role: "user" })).toMatchObject({ role: "user", changed: true });
    expect(await roleOf(user.id)).toBe("user");
    expect((await listAdmins()).map((a) => a.id)).not.toContain(user.id);
    expect(await roleOf(bystander.id)).toBe("user");
  });

  it("refuses an unknown account or a malformed email", async () => {
    await expect(setUserRole({ email: "nobody-here@test.local", role: "admin" })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === "not_found",
    );
    await expect(setUserRole({ email: "not an email", role: "admin" })).rejects.toThrow(/email/i);
    await expect(setUserRole({ email: "x@test.local", role: "root" as "admin" })).rejects.toThrow();
  });
});
