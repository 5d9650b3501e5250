// The API's answer to a post action, inline under the buttons (test id post-action-error), with any field issues.
import { fieldLabel } from "../../lib/field-labels.ts";
import type { PostEditError } from "../../lib/use-post-edit.ts";

export function ActionError({ error }: { error: PostEditError | null }) {
  if (!error) return null;
  return (
    <div class="notice notice-error" role="alert" data-testid="post-action-error">
      <p>{error.message}</p>
      {error.issues.length > 0 && (
        <ul>
          {error.issues.map((issue, i) => (
            <li key={i}>
              {issue.path && <strong>{fieldLabel(issue.path)}: </strong>}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
