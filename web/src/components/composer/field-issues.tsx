// Validation issues from the API shown next to the field they name (zod issue paths, first segment).
import type { Issue } from "../../api.ts";

export function FieldIssues({ issues, field }: { issues: Issue[]; field: string }) {
  const mine = issues.filter((issue) => issue.path.split(".")[0] === field);
  if (mine.length === 0) return null;
  return (
    <>
      {mine.map((issue, i) => (
        <small key={i} class="field-error block">
          {issue.message}
        </small>
      ))}
    </>
  );
}
