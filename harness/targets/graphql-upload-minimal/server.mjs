// upspec target: graphql-upload-minimal's Express middleware in front of graphql-http's Express
// handler, serving the conformance schema (harness/schema.graphql) at /graphql on 127.0.0.1:$PORT.
//
// The app is what a typical deployment looks like: graphqlUploadExpress() with its default limits
// parses the multipart request and puts the operations on `req.body`; graphql-http executes
// them. It is the graphql-upload-express target's app with graphql-upload swapped for its fork
// graphql-upload-minimal (a drop-in replacement, its README says), so the two compare directly.
// Nothing here second-guesses graphql-upload-minimal: its errors reach Express's error handling,
// and a crash is a crash. The resolvers report what actually arrived: every byte of every upload
// is read and hashed; nothing is taken from the request's claims except the filename and the
// mimetype, which are what graphql-upload-minimal reports for the part. graphql-upload-minimal
// does not buffer files: createReadStream() hands out busboy's own file stream, once per file.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

import express from "express";
import { buildSchema } from "graphql";
import { parseRequestParams as parseGraphQLRequestParams } from "graphql-http";
import { createHandler } from "graphql-http/lib/use/express";
import { GraphQLUpload, graphqlUploadExpress } from "graphql-upload-minimal";

const port = Number(process.env.PORT || 4003);
const host = process.env.HOST || "127.0.0.1";

// The schema is the suite's own SDL; the Upload scalar takes graphql-upload-minimal's behaviour,
// as makeExecutableSchema({ resolvers: { Upload: GraphQLUpload } }) would set it up.
const schema = buildSchema(
  readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"),
);
const uploadType = schema.getType("Upload");
uploadType.description = GraphQLUpload.description;
uploadType.serialize = GraphQLUpload.serialize;
uploadType.parseValue = GraphQLUpload.parseValue;
uploadType.parseLiteral = GraphQLUpload.parseLiteral;

// Awaits one upload, reads all of its bytes and reports them.
async function receive(upload) {
  const { filename, mimetype, createReadStream } = await upload;
  const stream = createReadStream();
  const hash = createHash("sha256");
  let size = 0;
  await new Promise((resolve, reject) => {
    stream.on("error", reject);
    stream.on("data", (chunk) => {
      size += chunk.length;
      hash.update(chunk);
    });
    stream.on("end", resolve);
  });
  return { filename, mimetype, size, sha256: hash.digest("hex") };
}

// The uploads of an UploadTree, depth first: file, then files in order (nulls skipped), then child.
function flatten(tree, into = []) {
  if (tree == null) return into;
  if (tree.file != null) into.push(tree.file);
  for (const file of tree.files ?? []) if (file != null) into.push(file);
  return flatten(tree.child, into);
}

const rootValue = {
  ping: () => true,
  single: ({ file }) => receive(file),
  optional: ({ file }) => (file == null ? null : receive(file)),
  // Lists of promises: graphql-js completes each item on its own, so an upload that fails is
  // reported at its own index (["multiple", 1]) rather than at the field.
  multiple: ({ files }) => files.map(receive),
  tree: ({ input }) => flatten(input).map(receive),
  echo: ({ value }) => value,
  // Returns the Upload value itself: GraphQLUpload's serialize then refuses it.
  echoUpload: ({ file }) => file,
};

const graphql = createHandler({
  schema,
  rootValue,
  // A multipart request arrives here with its operations already on req.body (set by
  // graphqlUploadExpress); any other request is left to graphql-http's own parser.
  async parseRequestParams(req) {
    if (!req.raw.is("multipart/form-data")) return null;
    const operations = req.raw.body;
    // graphql-http executes one operation per request (its recipe for graphql-upload says so).
    if (Array.isArray(operations)) throw new Error("Batching is not supported");
    // The operations object gets the same checks as a JSON POST body.
    return parseGraphQLRequestParams({
      method: "POST",
      url: req.url,
      headers: { "content-type": "application/json" },
      body: operations,
    });
  },
});

const app = express();

app.all("/graphql", graphqlUploadExpress(), graphql);

// Errors that graphql-upload-minimal (or Express) passes to next(): answered as Express's final
// handler answers them (the same status, logged, the rest of the request body drained first),
// with the body as a GraphQL error instead of an HTML page (the same handler as the
// graphql-upload-express target's).
app.use((error, req, res, next) => {
  console.error(error.stack || String(error));
  if (res.headersSent) return next(error);
  const given = error.status ?? error.statusCode;
  const status = Number.isInteger(given) && given >= 400 && given < 600 ? given : 500;
  const body = JSON.stringify({
    errors: [{ message: error.expose ? error.message : "Internal Server Error" }],
  });
  const answer = () =>
    res
      .writeHead(status, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(body),
      })
      .end(body);
  if (req.readableEnded) return answer();
  req.unpipe();
  req.once("end", answer);
  req.resume();
});

app.listen(port, host, (error) => {
  if (error) throw error;
  console.log(`listening on http://${host}:${port}/graphql`);
});
