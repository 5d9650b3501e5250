// After an import: how many posts were scheduled, a link to each (caption and time), and to the lists that show them.
import type { ImportResult } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { excerpt, formatInZone } from "../../lib/format.ts";
import { Link, Notice } from "../ui.tsx";

/** Links to each created post, up to this many (the posts list shows them all). */
const SHOWN = 20;

export function ImportDone({ result, onClose }: { result: ImportResult; onClose: () => void }) {
  const posts = result.posts;
  return (
    <Notice kind="success" onClose={onClose} testId="import-done">
      <p>{t("csvImport.done", { count: posts.length })}</p>
      <ul class="import-created">
        {posts.slice(0, SHOWN).map((post) => (
          <li key={post.id}>
            <Link href={`/posts/${post.id}`} testId="import-created-post">
              {post.caption ? excerpt(post.caption, 50) : t("csvImport.noCaption")}
            </Link>{" "}
            <span class="muted small">{formatInZone(post.scheduledAt, post.timezone)}</span>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/posts">{t("csvImport.seePosts")}</Link> · <Link href="/calendar">{t("csvImport.seeCalendar")}</Link>
      </p>
    </Notice>
  );
}
