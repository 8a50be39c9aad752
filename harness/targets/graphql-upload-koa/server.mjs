// upspec target: graphql-upload's Koa middleware in front of graphql-http's Koa handler, serving
// the conformance schema (harness/schema.graphql) at /graphql on 127.0.0.1:$PORT.
//
// The app is what a typical deployment looks like: graphqlUploadKoa() with its default limits
// parses the multipart request and puts the operations on `ctx.request.body`; graphql-http
// executes them. Errors that graphql-upload throws reach Koa's own error handling (ctx.onerror:
// the error's status when it has one, else 500, with a text body), and a crash is a crash. The
// resolvers report what actually arrived: every byte of every upload is read and hashed; nothing
// is taken from the request's claims except the filename and the mimetype, which are what
// graphql-upload reports for the part.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

import { buildSchema } from "graphql";
import { parseRequestParams as parseGraphQLRequestParams } from "graphql-http";
import { createHandler } from "graphql-http/lib/use/koa";
import GraphQLUpload from "graphql-upload/GraphQLUpload.mjs";
import graphqlUploadKoa from "graphql-upload/graphqlUploadKoa.mjs";
import Koa from "koa";

const port = Number(process.env.PORT || 4002);
const host = process.env.HOST || "127.0.0.1";

// The schema is the suite's own SDL; the Upload scalar takes graphql-upload's behaviour, as
// makeExecutableSchema({ resolvers: { Upload: GraphQLUpload } }) would set it up.
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
  // A multipart request arrives here with its operations already on ctx.request.body (set by
  // graphqlUploadKoa, with the same test it uses); any other request is left to graphql-http's
  // own parser.
  async parseRequestParams(req) {
    const ctx = req.context.res.ctx;
    if (!ctx.request.is("multipart/form-data")) return null;
    const operations = ctx.request.body;
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

const app = new Koa();

// /graphql only (what koa-mount or a router would do), graphql-upload first.
const upload = graphqlUploadKoa();
app.use(async (ctx, next) => {
  if (ctx.path !== "/graphql") return next();
  await upload(ctx, () => graphql(ctx));
});

app.listen(port, host, () => {
  console.log(`listening on http://${host}:${port}/graphql`);
});
