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
import { parseRequestParams } from "graphql-http";
import { createHandler } from "graphql-http/lib/use/express";
import GraphQLUpload from "graphql-upload/GraphQLUpload.mjs";
import graphqlUploadExpress from "graphql-upload/graphqlUploadExpress.mjs";

import { serveUploadsWithGraphqlHttp } from "../common/express-graphql-http.mjs";

serveUploadsWithGraphqlHttp(
  { express, buildSchema, createHandler, parseRequestParams, GraphQLUpload, graphqlUploadExpress },
  4001,
);
