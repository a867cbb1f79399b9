// Check that a webhook request comes from the Cluster Hub (Node.js 18+, no dependencies).
//
// The hub signs "<X-Hub-Timestamp>.<raw body>" with HMAC-SHA256, keyed with the endpoint's
// secret (whsec_..., as UTF-8 bytes), and sends "X-Hub-Signature: sha256=<hex>". Verify the
// raw bytes of the body before parsing them as JSON, and refuse timestamps more than five
// minutes away from your clock: a captured request cannot be replayed later.
//
// In a Next.js route handler, for example:
//
//   const body = Buffer.from(await request.arrayBuffer());
//   try {
//     verifyWebhook({
//       secret: process.env.HUB_WEBHOOK_SECRET,
//       body,
//       timestamp: request.headers.get("x-hub-timestamp"),
//       signature: request.headers.get("x-hub-signature"),
//     });
//   } catch {
//     return new Response(null, { status: 400 });
//   }
//   const event = JSON.parse(body.toString("utf8"));
//
// From the command line (exit status 0 when valid, 1 otherwise):
//
//   HUB_WEBHOOK_SECRET=whsec_... node verify.mjs <timestamp> <signature> < body.json

import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const TOLERANCE_SECONDS = 300;

export class InvalidWebhook extends Error {}

export function verifyWebhook({
  secret,
  body,
  timestamp,
  signature,
  toleranceSeconds = TOLERANCE_SECONDS,
  now = Date.now() / 1000,
}) {
  if (!timestamp || !signature) {
    throw new InvalidWebhook("X-Hub-Timestamp or X-Hub-Signature is missing.");
  }
  if (!/^\d+$/.test(timestamp)) {
    throw new InvalidWebhook("X-Hub-Timestamp is not a number of seconds.");
  }
  if (Math.abs(now - Number(timestamp)) > toleranceSeconds) {
    throw new InvalidWebhook("The timestamp is too old (or in the future).");
  }
  const signed = Buffer.concat([Buffer.from(`${timestamp}.`, "utf8"), Buffer.from(body)]);
  const expected = Buffer.from(
    "sha256=" + createHmac("sha256", Buffer.from(secret, "utf8")).update(signed).digest("hex"),
    "utf8",
  );
  const received = Buffer.from(signature, "utf8");
  // timingSafeEqual needs equal lengths; comparing the lengths first reveals nothing secret.
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    throw new InvalidWebhook("The signature does not match.");
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    verifyWebhook({
      secret: process.env.HUB_WEBHOOK_SECRET ?? "",
      body: readFileSync(0),
      timestamp: process.argv[2],
      signature: process.argv[3],
    });
    console.log("valid");
  } catch (error) {
    console.error(`invalid: ${error.message}`);
    process.exit(1);
  }
}
