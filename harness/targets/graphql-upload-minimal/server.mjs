// upspec target: graphql-upload-minimal's Express middleware in front of graphql-http's Express
// handler, serving the conformance schema (harness/schema.graphql) at /graphql on 127.0.0.1:$PORT.
//
// The app is what a typical deployment looks like: graphqlUploadExpress() with its default limits
// parses the multipart request and puts the operations on `req.body`; graphql-http executes
// them. It is the graphql-upload-express target's app with graphql-upload swapped for its fork
// graphql-upload-minimal (a drop-in replacement, its README says), so the two compare directly.
// Nothing here second-guesses graphql-upload-minimal: its errors reach Express's error handling,
// and a crash is a crash. The resolvers report what actually arrived: every byte of every upload
// is read and hashed; nothing is taken from the request's claims except the filename and the
// mimetype, which are what graphql-upload-minimal reports for the part. graphql-upload-minimal
// does not buffer files: createReadStream() hands out busboy's own file stream, once per file.

import express from "express";
import { buildSchema } from "graphql";
import { parseRequestParams } from "graphql-http";
import { createHandler } from "graphql-http/lib/use/express";
import { GraphQLUpload, graphqlUploadExpress } from "graphql-upload-minimal";

import { serveUploadsWithGraphqlHttp } from "../common/express-graphql-http.mjs";

serveUploadsWithGraphqlHttp(
  { express, buildSchema, createHandler, parseRequestParams, GraphQLUpload, graphqlUploadExpress },
  4003,
);
