// upspec target: graphql-upload's Express middleware in front of graphql-http's Express handler,
// serving the conformance schema (harness/schema.graphql) at /graphql on 127.0.0.1:$PORT.
//
// The app is what a typical deployment looks like: graphqlUploadExpress() with its default limits
// parses the multipart request and puts the operations on `req.body`; graphql-http executes
// them. Nothing here second-guesses graphql-upload: its errors reach Express's error handling,
// and a crash is a crash. The resolvers report what actually arrived: every byte of every upload
// is read and hashed; nothing is taken from the request's claims except the filename and the
// mimetype, which are what graphql-upload reports for the part.

import express from "express";
import { buildSchema } from "graphql";
import { parseRequestParams as parseGraphQLRequestParams } from "graphql-http";
import { createHandler } from "graphql-http/lib/use/express";
import GraphQLUpload from "graphql-upload/GraphQLUpload.mjs";
import graphqlUploadExpress from "graphql-upload/graphqlUploadExpress.mjs";

import {
  answerExpressError,
  multipartRequestParams,
  receiveUpload,
  schemaWithUploadScalar,
  uploadRootValue,
} from "../common/uploads.mjs";

const port = Number(process.env.PORT || 4001);
const host = "127.0.0.1";

const schema = schemaWithUploadScalar(buildSchema, GraphQLUpload);

const rootValue = uploadRootValue(receiveUpload);

const graphql = createHandler({
  schema,
  rootValue,
  // A multipart request arrives here with its operations already on req.body (set by
  // graphqlUploadExpress); any other request is left to graphql-http's own parser.
  async parseRequestParams(req) {
    if (!req.raw.is("multipart/form-data")) return null;
    return multipartRequestParams(parseGraphQLRequestParams, req.raw.body, req.url);
  },
});

const app = express();

app.all("/graphql", graphqlUploadExpress(), graphql);

// Errors that the middleware or Express passes to next(): see answerExpressError.
app.use(answerExpressError);

app.listen(port, host, (error) => {
  if (error) throw error;
  console.log(`listening on http://${host}:${port}/graphql`);
});
