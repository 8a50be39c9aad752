// upspec target: Apollo Server 5 with its Express integration (@as-integrations/express5) and
// graphql-upload's Express middleware, serving the conformance schema (harness/schema.graphql) at
// /graphql on 127.0.0.1:$PORT.
//
// The app is what Apollo's file upload docs set up: graphqlUploadExpress() with its default
// limits in front of cors(), express.json() and expressMiddleware(server), and an ApolloServer
// made from the suite's SDL and a resolver map with `Upload: GraphQLUpload`. ApolloServer keeps
// its defaults: CSRF prevention on (a multipart request must carry a non-empty
// Apollo-Require-Preflight or X-Apollo-Operation-Name header), batching off, its own error
// handling. The same app serves the apollo-server-no-preflight target, which sends no such
// header. Errors that graphql-upload passes to next() are answered as in the
// graphql-upload-express target. The resolvers report what actually arrived: every byte of every
// upload is read and hashed; nothing is taken from the request's claims except the filename and
// the mimetype, which are what graphql-upload reports for the part.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import GraphQLUpload from "graphql-upload/GraphQLUpload.mjs";
import graphqlUploadExpress from "graphql-upload/graphqlUploadExpress.mjs";

const port = Number(process.env.PORT || 4005);
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

const server = new ApolloServer({
  typeDefs: readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"),
  resolvers: {
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
  },
});
await server.start();

const app = express();

app.use("/graphql", graphqlUploadExpress(), cors(), express.json(), expressMiddleware(server));

// Errors that graphql-upload (or Express) passes to next(): answered as Express's final handler
// answers them (the same status, logged, the rest of the request body drained first), with the
// body as a GraphQL error instead of an HTML page (the graphql-upload-express target's handler).
// It writes with res.end, as the final handler does: graphqlUploadExpress wraps res.send to wait
// until the request has been read, and when busboy refuses the request's headers nothing reads
// it, so res.send/res.json would never answer.
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
