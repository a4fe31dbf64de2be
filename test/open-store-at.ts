/** Child process for the concurrent-open test: waits for a shared start time, opens the store, prints its schema version. */
import { openStore } from '../src/store/index.js';

const [path, startAt] = process.argv.slice(2);
// A busy wait, not a timer: the processes must reach openStore within the same millisecond or so.
while (Date.now() < Number(startAt));
const store = await openStore(path);
console.log(await store.schemaVersion());
await store.close();
