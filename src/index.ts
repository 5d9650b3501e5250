// Worker entry: the handlers on the system clock, and the account Durable Object class.
import { systemClock } from "./shared/clock";
import { createWorker } from "./worker";

export { AccountPublisher } from "./publishing/account-publisher";
export { Throttle } from "./throttle/throttle-object";

export default createWorker(systemClock);
