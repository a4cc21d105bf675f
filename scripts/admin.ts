// Admin accounts from the command line (npm run admin -- <command>), for whoever runs the
// deployment. Under docker compose it runs in the migrate image:
//   docker compose run --rm migrate node --conditions=react-server --import tsx scripts/admin.ts grant you@example.com
//
//   grant <email>    give an existing account the admin role
//   revoke <email>   take it back
//   list             show every admin
const USAGE = "usage: admin.ts grant <email> | revoke <email> | list";

async function main(): Promise<string> {
  const [command, email] = process.argv.slice(2);
  // Imported here so that a bad environment is reported like any other failure.
  const { setUserRole } = await import("@/lib/admin/set-user-role");
  const { listAdmins } = await import("@/lib/admin/list-admins");
  if ((command === "grant" || command === "revoke") && email) {
    const user = await setUserRole({ email, role: command === "grant" ? "admin" : "user" });
    const now = user.role === "admin" ? "is an admin" : "is no longer an admin";
    return `[admin] ${user.email} ${user.changed ? "now " : "already "}${now}`;
  }
  if (command === "list") {
    const admins = await listAdmins();
    if (admins.length === 0) return "[admin] no admin accounts yet";
    return admins.map((a) => `${a.email}\t${a.id}\tsince ${a.createdAt.toISOString()}`).join("\n");
  }
  throw new Error(USAGE);
}

main().then(
  (output) => {
    console.log(output);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(`[admin] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
