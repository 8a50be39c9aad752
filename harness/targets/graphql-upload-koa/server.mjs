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

import { buildSchema } from "graphql";
import { parseRequestParams as parseGraphQLRequestParams } from "graphql-http";
import { createHandler } from "graphql-http/lib/use/koa";
import GraphQLUpload from "graphql-upload/GraphQLUpload.mjs";
import graphqlUploadKoa from "graphql-upload/graphqlUploadKoa.mjs";
import Koa from "koa";

import {
  multipartRequestParams,
  receiveUpload,
  schemaWithUploadScalar,
  uploadRootValue,
} from "../common/uploads.mjs";

const port = Number(process.env.PORT || 4002);
const host = process.env.HOST || "127.0.0.1";

const schema = schemaWithUploadScalar(buildSchema, GraphQLUpload);

const rootValue = uploadRootValue(receiveUpload);

const graphql = createHandler({
  schema,
  rootValue,
  // A multipart request arrives here with its operations already on ctx.request.body (set by
  // graphqlUploadKoa, with the same test it uses); any other request is left to graphql-http's
  // own parser.
  async parseRequestParams(req) {
    const ctx = req.context.res.ctx;
    if (!ctx.request.is("multipart/form-data")) return null;
    return multipartRequestParams(parseGraphQLRequestParams, ctx.request.body, req.url);
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
