import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { deleteAccount } from "@/lib/user-data/delete-account";
import { AccountDeletionBodySchema } from "@/lib/user-data/schemas";

/**
 * DELETE /api/account { confirmEmail } → { deleted: true, counts }: the signed-in user's account
 * and everything in it, for good. Admins see a content-free record on /admin/deletions.
 */
const del = withRoute(
  async ({ user, body }) => {
    const { confirmEmail } = await body(AccountDeletionBodySchema);
    return Response.json(await deleteAccount({ userId: user.id, confirmEmail }));
  },
  { auth: "user" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ DELETE: del });
