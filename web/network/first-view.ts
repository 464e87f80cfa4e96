// A small script of its own, loaded by index.html before main.js: it starts the first view's
// requests (early-requests.ts) while the browser is still evaluating the page's bundle.
import { startEarlyRequests } from "./early-requests.ts";

startEarlyRequests();
