// A post's or video's picture: its thumbnail when the API has one (issue 12), otherwise the account's colour and
// initial, so the calendar and lists look the same before and after thumbnails land.
import { useState } from "preact/hooks";

export function Thumb(props: { url: string | null; label: string; colour: string; size?: "small" | "medium" }) {
  const [broken, setBroken] = useState(false);
  const size = props.size ?? "small";
  if (props.url && !broken) {
    return <img class={`thumb thumb-${size}`} src={props.url} alt="" loading="lazy" onError={() => setBroken(true)} />;
  }
  return (
    <span class={`thumb thumb-${size} thumb-fallback ${props.colour}`} aria-hidden="true">
      {(props.label.trim()[0] ?? "?").toUpperCase()}
    </span>
  );
}
