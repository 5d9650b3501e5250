// The workspace settings contract: its remembered time zone, saved hashtag groups and caption templates.
// Pure: the web app imports these types too.
import { z } from "@hono/zod-openapi";
import { idString, multiLine, singleLine } from "../shared/text.schemas";
import { TimeZone } from "../shared/time-zone.schemas";

export const WorkspaceSettings = z.object({ timezone: z.string().nullable() }).openapi("WorkspaceSettings");
export const SettingsPut = z.object({ timezone: TimeZone.nullable() }).strict().openapi("WorkspaceSettingsPut");
export const SettingsResponse = z.object({ settings: WorkspaceSettings });

const name = singleLine(60, "Names");
// One hashtag: "#" then letters, digits or underscores (TikTok's own rule for what links as a tag).
const hashtag = z.string().regex(/^#[\p{L}\p{N}_]{1,100}$/u, "Each hashtag is # followed by letters, digits or _");

export const HashtagGroup = z
  .object({ id: z.string(), name: z.string(), hashtags: z.array(z.string()), updatedAt: z.string() })
  .openapi("HashtagGroup");
export const HashtagGroupInput = z
  .object({ name, hashtags: z.array(hashtag).min(1, "Add at least one hashtag").max(30, "At most 30 hashtags in a group") })
  .strict()
  .openapi("HashtagGroupInput");
export const HashtagGroupResponse = z.object({ group: HashtagGroup });
export const HashtagGroupListResponse = z.object({ groups: z.array(HashtagGroup) });

export const CaptionTemplate = z
  .object({ id: z.string(), name: z.string(), body: z.string(), updatedAt: z.string() })
  .openapi("CaptionTemplate");
export const CaptionTemplateInput = z
  .object({ name, body: multiLine(2200, "Templates").refine((body) => body.trim().length > 0, "Write the template") })
  .strict()
  .openapi("CaptionTemplateInput");
export const CaptionTemplateResponse = z.object({ template: CaptionTemplate });
export const CaptionTemplateListResponse = z.object({ templates: z.array(CaptionTemplate) });

export const SettingsItemId = z.object({ id: idString() });
export const Deleted = z.object({ deleted: z.string() });
