// upspec target: Mercurius on Fastify with the mercurius-upload plugin (graphql-upload-minimal's
// processRequest), serving the conformance schema (harness/schema.graphql) at /graphql on
// 127.0.0.1:$PORT.
//
// The app is what mercurius-upload's README sets up: the plugin registered with its default
// options (graphql-upload-minimal's default limits), then Mercurius with the suite's SDL and a
// resolver map whose Upload scalar is graphql-upload-minimal's GraphQLUpload. Fastify and
// Mercurius keep their defaults (batched queries off, GraphiQL off, default error handling);
// only Fastify's logger is turned on, so the log shows each request and error. The resolvers
// report what actually arrived: every byte of every upload is read and hashed; nothing is taken
// from the request's claims except the filename and the mimetype, which are what
// graphql-upload-minimal reports for the part. graphql-upload-minimal does not buffer files:
// createReadStream() hands out busboy's own file stream, once per file.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

import Fastify from "fastify";
import { GraphQLUpload } from "graphql-upload-minimal";
import mercurius from "mercurius";
import mercuriusUpload from "mercurius-upload";

const port = Number(process.env.PORT || 4006);
const host = process.env.HOST || "127.0.0.1";

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

const resolvers = {
  Upload: GraphQLUpload,
  Query: {
    ping: () => true,
  },
  Mutation: {
    single: (_, { file }) => receive(file),
    optional: (_, { file }) => (file == null ? null : receive(file)),
    // Lists of promises: graphql-js completes each item on its own, so an upload that fails is
    // reported at its own index (["multiple", 1]) rather than at the field.
    multiple: (_, { files }) => files.map(receive),
    tree: (_, { input }) => flatten(input).map(receive),
    echo: (_, { value }) => value,
    // Returns the Upload value itself: GraphQLUpload's serialize then refuses it.
    echoUpload: (_, { file }) => file,
  },
};

const app = Fastify({ logger: true });

app.register(mercuriusUpload);
app.register(mercurius, {
  schema: readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"),
  resolvers,
});

await app.listen({ port, host });
