-- Video events (issue 14): `video.ready` and `video.rejected` name the video they report, written in the same D1
-- batch as the probe's verdict (src/videos/videos.repo.ts `saveVerdict`).
ALTER TABLE integration_events ADD COLUMN video_id TEXT;

-- From here on webhook_endpoints.secret and alert_channels.url hold sealed values (`v2.<key id>.…`, see
-- src/shared/sealed-secret.ts); rows written before are read as they are and sealed by the cron's key rotation.
