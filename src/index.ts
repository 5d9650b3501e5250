// Worker entry: the handlers on the system clock, the account Durable Object class and the app-wide read budget.
import { systemClock } from "./shared/clock";
import { createWorker } from "./worker";

export { AccountPublisher } from "./publishing/account-publisher";
export { ReadBudget } from "./sync/read-budget";
export { Throttle } from "./throttle/throttle-object";

export default createWorker(systemClock);
