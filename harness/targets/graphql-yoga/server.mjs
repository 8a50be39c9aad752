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

import { createServer } from "node:http";

import { createSchema, createYoga } from "graphql-yoga";

import { receiveFile, typeDefs, uploadResolvers } from "../common/uploads.mjs";

const port = Number(process.env.PORT || 4004);
const host = process.env.HOST || "127.0.0.1";

const schema = createSchema({
  typeDefs,
  resolvers: uploadResolvers(receiveFile),
});

const yoga = createYoga({ schema });

createServer(yoga).listen(port, host, () => {
  console.log(`listening on http://${host}:${port}${yoga.graphqlEndpoint}`);
});
