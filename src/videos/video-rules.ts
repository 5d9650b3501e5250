// What an uploaded video may be (type, size) and the statuses it goes through. Pure data, shared by the Worker,
// the API contract and the web app.

export const VIDEO_STATUSES = ["uploading", "ready", "failed"] as const;
export type VideoStatus = (typeof VIDEO_STATUSES)[number];

export const VIDEO_TYPES = ["video/mp4", "video/quicktime", "video/webm"] as const;
export type VideoType = (typeof VIDEO_TYPES)[number];

export const MAX_VIDEO_BYTES = 4 * 1024 ** 3;
