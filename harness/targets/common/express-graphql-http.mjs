// The app of the targets that put an Express multipart middleware (graphql-upload's
// graphqlUploadExpress or a drop-in replacement) in front of graphql-http's Express handler,
// serving the conformance schema at /graphql. The middleware parses the multipart request and
// leaves the operations on req.body; graphql-http executes them. The packages come in as
// arguments because each target resolves them from its own lockfile-pinned node_modules.

import {
  answerExpressError,
  multipartRequestParams,
  receiveUpload,
  schemaWithUploadScalar,
  uploadRootValue,
} from "./uploads.mjs";

// `packages`: express, buildSchema (graphql), createHandler and parseRequestParams (graphql-http),
// GraphQLUpload and graphqlUploadExpress (the upload package). Listens on $HOST:$PORT.
export function serveUploadsWithGraphqlHttp(packages, defaultPort) {
  const { express, buildSchema, createHandler, parseRequestParams } = packages;
  const { GraphQLUpload, graphqlUploadExpress } = packages;
  const port = Number(process.env.PORT || defaultPort);
  const host = process.env.HOST || "127.0.0.1";
  const graphql = createHandler({
    schema: schemaWithUploadScalar(buildSchema, GraphQLUpload),
    rootValue: uploadRootValue(receiveUpload),
    // A multipart request arrives here with its operations already on req.body (set by
    // graphqlUploadExpress); any other request is left to graphql-http's own parser.
    async parseRequestParams(req) {
      if (!req.raw.is("multipart/form-data")) return null;
      return multipartRequestParams(parseRequestParams, req.raw.body, req.url);
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
}
