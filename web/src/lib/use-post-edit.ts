// Runs one edit of a post (PATCH /api/posts/:id) at a time, keeping which action is in flight and the error to show.
import { useState } from "preact/hooks";
import { ApiError, api, type Issue, issuesOf, messageOf, type Post, type PostPatch } from "../api.ts";
import { t } from "../i18n/index.ts";

export interface PostEditError {
  message: string;
  issues: Issue[];
}

export interface PostEdit {
  /** The action running now ("publish-now", "reschedule", "caption"…), or null. */
  busy: string | null;
  error: PostEditError | null;
  /** Sends `patch`; true when the API accepted it (the caller then closes its form). */
  run: (action: string, patch: PostPatch) => Promise<boolean>;
  clearError: () => void;
}

/**
 * `onChange` receives the edited post; `onReload` asks the page to fetch again. A 409 means the post moved on under
 * us (the publisher claimed it, another tab edited it): the message says so and the page reloads, so the user
 * decides again on what is really there.
 */
export function usePostEdit(post: Post, onChange: (post: Post) => void, onReload: () => void): PostEdit {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<PostEditError | null>(null);

  const run = async (action: string, patch: PostPatch) => {
    if (busy) return false;
    setBusy(action);
    setError(null);
    try {
      onChange((await api.updatePost(post.id, patch)).post);
      return true;
    } catch (caught) {
      setError(describe(caught));
      if (caught instanceof ApiError && caught.status === 409) onReload();
      return false;
    } finally {
      setBusy(null);
    }
  };

  return { busy, error, run, clearError: () => setError(null) };
}

function describe(caught: unknown): PostEditError {
  if (caught instanceof ApiError && caught.code === "post_changed") {
    return { message: t("actions.changedMeanwhile"), issues: [] };
  }
  if (caught instanceof ApiError && caught.code === "post_not_editable") {
    return { message: t("actions.notEditable", { reason: caught.message }), issues: [] };
  }
  return { message: messageOf(caught), issues: issuesOf(caught) };
}
