// Worker entry: the handlers on the system clock, and the Durable Object classes (accounts, the app-wide read
// budget, live updates).
import { systemClock } from "./shared/clock";
import { createWorker } from "./worker";

export { WorkspaceLive } from "./live/workspace-live";
export { AccountPublisher } from "./publishing/account-publisher";
export { ReadBudget } from "./sync/read-budget";
export { Throttle } from "./throttle/throttle-object";

export default createWorker(systemClock);
