-- Video events (issue 14): `video.ready` and `video.rejected` name the video they report, written in the same D1
-- batch as the probe's verdict (src/videos/videos.repo.ts `saveVerdict`).
ALTER TABLE integration_events ADD COLUMN video_id TEXT;
