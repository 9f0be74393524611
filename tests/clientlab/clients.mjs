// Node's built-in fetch (undici) and axios over the scenarios on stdin (a JSON list of
// actions, see tests/clientlab/scenarios.py). Prints {"outcomes": {"node-fetch": {...},
// "axios": {...}}}: per scenario, the statuses handed back to the caller, or the error.
// With --versions, prints the clients' versions instead.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axios = require("axios");
const TIMEOUT = 15000;
const late = (timedOut) => (timedOut ? "timed out: " : "");

if (process.argv.includes("--versions")) {
  console.log(JSON.stringify({
    node: process.versions.node,
    undici: process.versions.undici,
    axios: require("axios/package.json").version,
  }));
  process.exit(0);
}

const actions = JSON.parse(readFileSync(0, "utf8"));
const url = (a, client) => a.url.replace("/CLIENT/", `/${client}/`);

async function viaFetch(a) {
  const statuses = [];
  try {
    for (let i = 0; i < a.repeat; i++) {
      const init = { method: a.method, headers: a.headers, signal: AbortSignal.timeout(TIMEOUT) };
      if (a.body !== null) init.body = a.body;
      const r = await fetch(url(a, "node-fetch"), init);
      await r.arrayBuffer();
      statuses.push(r.status);
    }
    return { statuses };
  } catch (e) {
    const timedOut = e.name === "TimeoutError" || e.name === "AbortError";
    return { statuses, error: `${late(timedOut)}${e.name}: ${e.cause?.code ?? e.message}` };
  }
}

async function viaAxios(a) {
  const client = axios.create({ timeout: TIMEOUT });
  const statuses = [];
  try {
    for (let i = 0; i < a.repeat; i++) {
      const r = await client.request({
        url: url(a, "axios"), method: a.method, headers: a.headers, data: a.body ?? undefined,
      });
      statuses.push(r.status);
    }
    return { statuses };
  } catch (e) {
    const timedOut = e.code === "ECONNABORTED" || e.code === "ETIMEDOUT";
    return { statuses, error: `${late(timedOut)}${e.name}: ${e.code ?? e.message}` };
  }
}

const outcomes = { "node-fetch": {}, axios: {} };
await Promise.all(actions.map(async (a) => {
  const [f, x] = await Promise.all([viaFetch(a), viaAxios(a)]);
  outcomes["node-fetch"][a.id] = f;
  outcomes.axios[a.id] = x;
}));
console.log(JSON.stringify({ outcomes }));
