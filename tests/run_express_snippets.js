// Runs the Express snippets the site publishes, exactly as printed, in one Node process.
// Reads [{code, method, text}] as JSON on stdin; prints [{code, status, headers, body}].
// Each snippet defines `app`; supertest serves it on a loopback port and sends the request.
"use strict";
const request = require("supertest");

function rawText(res, done) {
  let data = "";
  res.setEncoding("utf8");
  res.on("data", (chunk) => { data += chunk; });
  res.on("end", () => done(null, data));
}

async function run(snippet) {
  // The snippet's own text, with its `app` handed back: nothing else is added.
  const app = new Function("require", `${snippet.text}\nreturn app;`)(require);
  const res = await request(app)[snippet.method.toLowerCase()]("/example")
    .redirects(0)
    .buffer(true)
    .parse(rawText)
    .ok(() => true);
  return { code: snippet.code, status: res.status, headers: res.headers, body: res.body };
}

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", async () => {
  const results = [];
  for (const snippet of JSON.parse(input)) {
    try {
      results.push(await run(snippet));
    } catch (error) {
      results.push({ code: snippet.code, error: String(error && error.stack || error) });
    }
  }
  process.stdout.write(JSON.stringify(results));
});
