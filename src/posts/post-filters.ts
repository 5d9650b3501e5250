// GET /posts query → the repo's filters (the query is already validated by PostListQuery).
import type { PostStatus } from "./post-status";
import type { PostFilters } from "./posts.repo";
import type { PostListQuery } from "./posts.schemas";

export function postFilters(q: PostListQuery): PostFilters {
  return {
    statuses: q.status ? (q.status.split(",") as PostStatus[]) : undefined,
    accountId: q.account,
    from: q.from ? Date.parse(q.from) : undefined,
    to: q.to ? Date.parse(q.to) : undefined,
    search: q.q || undefined,
    order: q.order,
    limit: q.limit,
  };
}
