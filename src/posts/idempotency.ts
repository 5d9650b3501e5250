// `Idempotency-Key` on POST /api/posts: a client that retries after a lost answer gets the same post back instead
// of a second one. The key (per workspace and user) is reserved with the post id before the post is created;
// the same key with another body is refused; a key whose post is still being created answers 409.
import type { PostRow } from "../db/schema";
import { sha256Hex } from "../shared/crypto";
import { AppError } from "../shared/errors";
import { newId } from "../shared/ids";
import { releaseKey, reserveKey, saveKeyWarnings } from "./idempotency.repo";
import { findPost } from "./posts.repo";
import type { NewPost } from "./posts.schemas";
import { type Actor, createPost, type PostsDeps } from "./posts.service";

/** A key is remembered this long (clients retry within minutes; a day covers an outage). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

export type Created = { post: PostRow; warnings: string[]; replayed: boolean };

export async function createPostOnce(
  deps: PostsDeps,
  actor: Actor,
  input: NewPost,
  key: string | undefined,
  now: number,
): Promise<Created> {
  if (!key) return { ...(await createPost(deps, actor, input, now)), replayed: false };
  const scope = { workspaceId: actor.workspaceId, userId: actor.userId, key };
  const requestHash = await sha256Hex(JSON.stringify(input));
  const postId = newId("post");
  const reservation = await reserveKey(deps.db, {
    ...scope,
    requestHash,
    postId,
    warnings: null,
    createdAt: now,
    expiresAt: now + IDEMPOTENCY_TTL_MS,
  });
  if (!reservation.fresh) return replay(deps, actor, reservation.row, requestHash);
  try {
    const created = await createPost(deps, actor, input, now, postId);
    await saveKeyWarnings(deps.db, scope, created.warnings);
    return { ...created, replayed: false };
  } catch (error) {
    await releaseKey(deps.db, scope);
    throw error;
  }
}

async function replay(
  deps: PostsDeps,
  actor: Actor,
  row: { requestHash: string; postId: string; warnings: string | null },
  requestHash: string,
) {
  if (row.requestHash !== requestHash) {
    throw new AppError(422, "idempotency_key_reused", "This Idempotency-Key was used for a different post; use a new key");
  }
  const post = await findPost(deps.db, actor.workspaceId, row.postId);
  if (!post) {
    throw new AppError(
      409,
      "idempotency_in_progress",
      "A request with this Idempotency-Key is still being processed; retry shortly",
      null,
      {
        "Retry-After": "1",
      },
    );
  }
  return { post, warnings: row.warnings ? (JSON.parse(row.warnings) as string[]) : [], replayed: true };
}
