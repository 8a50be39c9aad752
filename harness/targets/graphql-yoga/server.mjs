// upspec target: GraphQL Yoga with its built-in multipart support, serving the conformance schema
// (harness/schema.graphql) at /graphql on 127.0.0.1:$PORT.
//
// The app is what a typical deployment looks like (the Yoga docs' file upload recipe): createYoga
// with defaults (multipart on, batching off, masked errors) on a Node.js http server, and a schema
// made by createSchema from the suite's own SDL and a resolver map. As in that recipe the Upload
// scalar gets no implementation of its own: Yoga puts the File object where the map says, and the
// scalar passes values through unchanged. The resolvers report what actually arrived: every byte
// of every upload is read and hashed; nothing is taken from the request's claims except the
// filename and the mimetype, which are the File's name and type.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

import { createSchema, createYoga } from "graphql-yoga";

const port = Number(process.env.PORT || 4004);
const host = process.env.HOST || "127.0.0.1";

// Reads all of one upload's bytes and reports them.
async function receive(file) {
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

const schema = createSchema({
  typeDefs: readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"),
  resolvers: {
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
      // Returns the Upload value itself: whatever the scalar's serialisation makes of a File.
      echoUpload: (_, { file }) => file,
    },
  },
});

const yoga = createYoga({ schema });

createServer(yoga).listen(port, host, () => {
  console.log(`listening on http://${host}:${port}${yoga.graphqlEndpoint}`);
});
