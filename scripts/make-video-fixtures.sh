#!/usr/bin/env bash
# Makes the video fixtures in test/fixtures/videos/ with Debian's ffmpeg (apt-get install -y ffmpeg) and records
# what ffprobe says about each one in test/fixtures/videos/ffprobe.json, the facts the probe tests assert against.
# Run once and commit the output (all of it stays well under 2 MB); CI never runs this script.
set -euo pipefail
cd "$(dirname "$0")/../test/fixtures/videos"
rm -f ./*.mp4 ./*.mov ./*.webm ./*.mkv ffprobe.json

# Reproducible output: no encoder version strings or dates in the files.
enc() { ffmpeg -hide_banner -loglevel error -y "${@:1:$#-1}" -map_metadata -1 -fflags +bitexact "${@: -1}"; }
x264=(-c:v libx264 -preset veryfast -crf 38 -pix_fmt yuv420p -flags:v +bitexact)
aac=(-c:a aac -b:a 24k -ac 1 -flags:a +bitexact)
src() { echo "testsrc2=s=$1:r=$2:d=$3"; } # size, fps, seconds
tone() { echo "sine=f=440:sample_rate=44100:d=$1"; }

# H.264 + AAC, 9:16, moov at the end (ffmpeg's default without +faststart): the probe must seek to the end.
enc -f lavfi -i "$(src 360x640 30 2)" -f lavfi -i "$(tone 2)" "${x264[@]}" "${aac[@]}" -shortest h264-9x16-moov-at-end.mp4
# QuickTime with moov first (faststart), landscape: ready, with the "not 9:16" warning.
enc -f lavfi -i "$(src 640x360 30 1)" -f lavfi -i "$(tone 1)" "${x264[@]}" "${aac[@]}" -shortest -movflags +faststart -f mov faststart.mov
# VP9 + Opus WebM, and VP8 WebM without audio.
enc -f lavfi -i "$(src 360x640 30 2)" -f lavfi -i "$(tone 2)" -c:v libvpx-vp9 -b:v 100k -deadline realtime -cpu-used 8 -c:a libopus -b:a 16k -shortest vp9.webm
enc -f lavfi -i "$(src 360x640 30 1)" -c:v libvpx -b:v 100k -deadline realtime -cpu-used 8 vp8.webm
# H.265 (hvc1 sample entry, as Apple devices write it), no audio: ready, with the "no audio" warning.
enc -f lavfi -i "$(src 360x640 30 1)" -c:v libx265 -preset ultrafast -crf 38 -tag:v hvc1 -x265-params log-level=none h265.mp4
# Coded 640×360 with a 90° display matrix: a viewer sees 360×640.
# (ffmpeg 5.1 writes the rotate tag into the track header's matrix only when remuxing.)
enc -f lavfi -i "$(src 640x360 30 1)" -f lavfi -i "$(tone 1)" "${x264[@]}" "${aac[@]}" -shortest unrotated.tmp.mp4
enc -i unrotated.tmp.mp4 -c copy -metadata:s:v:0 rotate=90 rotated-90.mp4
rm unrotated.tmp.mp4
# Out of TikTok's range: 15 fps; 200×356 px.
enc -f lavfi -i "$(src 360x640 15 2)" "${x264[@]}" fps-15.mp4
enc -f lavfi -i "$(src 200x356 30 1)" "${x264[@]}" tiny-200x356.mp4
# 11 minutes at 24 fps (a valid rate and size, so too_long is its only problem): a still frame, one keyframe per
# 5 minutes and the lowest quality keep it small; no audio.
enc -f lavfi -i "color=c=0x204060:s=360x640:r=24:d=660" "${x264[@]}" -crf 51 -g 7200 -tune stillimage long-11min.mp4
# MPEG-4 Part 2 (mp4v): a container TikTok takes, a codec it does not.
enc -f lavfi -i "$(src 360x640 30 1)" -c:v mpeg4 -q:v 20 mpeg4-part2.mp4
# Matroska that is not WebM: a container TikTok does not take.
enc -f lavfi -i "$(src 360x640 30 1)" "${x264[@]}" h264.mkv
# The first half of a moov-at-end MP4: its index never arrived.
head -c "$(($(stat -c %s h264-9x16-moov-at-end.mp4) / 2))" h264-9x16-moov-at-end.mp4 > truncated-no-index.mp4
# Not a video at all.
printf 'This is a text file that someone named .mp4\n' > not-a-video.mp4

# ffprobe's facts, one entry per file (null when ffprobe cannot read it).
{
  echo "{"
  first=1
  for f in *.mp4 *.mov *.webm *.mkv; do
    facts=$(ffprobe -v error -print_format json -show_format -show_streams "$f" 2>/dev/null || true)
    [ -n "$facts" ] && echo "$facts" | grep -q '"streams"' || facts=null
    [ $first = 1 ] || echo ","
    first=0
    printf '"%s": %s' "$f" "$facts"
  done
  echo "}"
} > ffprobe.json
npx biome format --write ffprobe.json > /dev/null # the repository's JSON style (npm test runs biome ci)
ls -l
du -cb ./*.mp4 ./*.mov ./*.webm ./*.mkv ffprobe.json | tail -1
