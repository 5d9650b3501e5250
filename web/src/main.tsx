// Entry point: the document's language, direction and theme, then the Postflare UI.
import { render } from "preact";
import { App } from "./app.tsx";
import { DIRECTION, LANGUAGE } from "./i18n/index.ts";
import { applyTheme } from "./lib/theme.ts";
import "./styles/base.css";
import "./styles/shell.css";
import "./styles/forms.css";
import "./styles/lists.css";
import "./styles/calendar.css";
import "./styles/composer.css";
import "./styles/team.css";
import "./styles/inbox.css";
import "./styles/csv-import.css";

document.documentElement.lang = LANGUAGE;
document.documentElement.dir = DIRECTION;
applyTheme();
const root = document.getElementById("app");
if (root) render(<App />, root);
