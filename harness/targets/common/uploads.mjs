// What every Node.js target app shares: the suite's schema, resolvers that report what actually
// arrived (every byte of every upload read and hashed; nothing taken from the request's claims
// but the filename and the mimetype the server reports), and Express's final error handling with
// a GraphQL body. Dependency-free (node: modules only): it is imported by relative path from
// target folders whose own node_modules hold the servers, and must not resolve packages itself.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

// The conformance schema's SDL (harness/schema.graphql).
export const typeDefs = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");

// Awaits one graphql-upload style upload (a promise of { filename, mimetype, createReadStream }),
// reads all of its bytes and reports them.
export async function receiveUpload(upload) {
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

// Reads all of a Fetch API File's bytes and reports them.
export async function receiveFile(file) {
  const bytes = Buffer.from(await file.arrayBuffer());
  return {
    filename: file.name,
    mimetype: file.type,
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

// The uploads of an UploadTree, depth first: file, then files in order (nulls skipped), then child.
function flatten(tree, into = []) {
  if (tree == null) return into;
  if (tree.file != null) into.push(tree.file);
  for (const file of tree.files ?? []) if (file != null) into.push(file);
  return flatten(tree.child, into);
}

// The schema's resolver map, reading uploads with `receive`.
export function uploadResolvers(receive) {
  return {
    Query: {
      ping: () => true,
    },
    Mutation: {
      single: (_, { file }) => receive(file),
      optional: (_, { file }) => (file == null ? null : receive(file)),
      // Lists of promises: the executor completes each item on its own, so an upload that fails
      // is reported at its own index (["multiple", 1]) rather than at the field.
      multiple: (_, { files }) => files.map(receive),
      tree: (_, { input }) => flatten(input).map(receive),
      echo: (_, { value }) => value,
      // Returns the Upload value itself: what the scalar's serialisation makes of it is the point.
      echoUpload: (_, { file }) => file,
    },
  };
}

// The same resolvers as a graphql-js root value (fields called with their arguments alone).
export function uploadRootValue(receive) {
  const { Query, Mutation } = uploadResolvers(receive);
  const root = {};
  for (const [name, resolve] of Object.entries({ ...Query, ...Mutation }))
    root[name] = (args) => resolve(undefined, args);
  return root;
}

// Errors passed to Express's next(): answered as Express's final handler answers them (the same
// status, logged, the rest of the request body drained first), with the body as a GraphQL error
// instead of an HTML page. It writes with res.end, as the final handler does:
// graphqlUploadExpress wraps res.send to wait until the request has been read, and when busboy
// refuses the request's headers nothing reads it, so res.send/res.json would never answer.
export function answerExpressError(error, req, res, next) {
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
}

// The suite's schema built by graphql-js's `buildSchema`, its Upload scalar given `upload`'s
// behaviour, as makeExecutableSchema({ resolvers: { Upload: upload } }) would set it up.
export function schemaWithUploadScalar(buildSchema, upload) {
  const schema = buildSchema(typeDefs);
  const scalar = schema.getType("Upload");
  for (const key of ["description", "serialize", "parseValue", "parseLiteral"])
    scalar[key] = upload[key];
  return schema;
}

// graphql-http's request parameters for operations a multipart middleware has parsed: one
// operation per request (graphql-http's recipe for graphql-upload says so), with the same checks
// as a JSON POST body (graphql-http's `parseRequestParams`, passed in).
export function multipartRequestParams(parseRequestParams, operations, url) {
  if (Array.isArray(operations)) throw new Error("Batching is not supported");
  return parseRequestParams({
    method: "POST",
    url,
    headers: { "content-type": "application/json" },
    body: operations,
  });
}
