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

import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import GraphQLUpload from "graphql-upload/GraphQLUpload.mjs";
import graphqlUploadExpress from "graphql-upload/graphqlUploadExpress.mjs";

import { answerExpressError, receiveUpload, typeDefs, uploadResolvers } from "../common/uploads.mjs";

const port = Number(process.env.PORT || 4005);
const host = process.env.HOST || "127.0.0.1";

const server = new ApolloServer({
  typeDefs,
  resolvers: { Upload: GraphQLUpload, ...uploadResolvers(receiveUpload) },
});
await server.start();

const app = express();

app.use("/graphql", graphqlUploadExpress(), cors(), express.json(), expressMiddleware(server));

// Errors that graphql-upload or Express passes to next(): see answerExpressError.
app.use(answerExpressError);

app.listen(port, host, (error) => {
  if (error) throw error;
  console.log(`listening on http://${host}:${port}/graphql`);
});
