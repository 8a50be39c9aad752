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

import Fastify from "fastify";
import { GraphQLUpload } from "graphql-upload-minimal";
import mercurius from "mercurius";
import mercuriusUpload from "mercurius-upload";

import { receiveUpload, typeDefs, uploadResolvers } from "../common/uploads.mjs";

const port = Number(process.env.PORT || 4006);
const host = process.env.HOST || "127.0.0.1";

const resolvers = { Upload: GraphQLUpload, ...uploadResolvers(receiveUpload) };

const app = Fastify({ logger: true });

app.register(mercuriusUpload);
app.register(mercurius, {
  schema: typeDefs,
  resolvers,
});

await app.listen({ port, host });
