//! upspec target: async-graphql's axum integration serving the conformance schema
//! (harness/schema.graphql) code-first at /graphql on $HOST:$PORT.
//!
//! The app is what a typical deployment looks like: `async_graphql_axum::GraphQL`, the
//! integration's tower service, on the route for POST and GET, with the schema's and the
//! integration's defaults (the service always parses multipart requests with
//! `MultipartOptions::default()`: no file size and no file count limit). Nothing here
//! second-guesses async-graphql: its refusals are answered as the service answers them, and a
//! panic is a panic. The resolvers report what actually arrived: every byte of every upload is
//! read (from the start of the reader that `Upload::value` hands out, as documented) and hashed;
//! the filename and mimetype are what async-graphql reports for the part.

use std::io::Read;

use async_graphql::{
    Context, EmptySubscription, Error, InputObject, Object, Result, Schema, SimpleObject, Upload,
};
use async_graphql_axum::GraphQL;
use axum::{routing::post_service, Router};
use sha2::{Digest, Sha256};

/// What the server received for one upload.
#[derive(SimpleObject)]
struct UploadedFile {
    filename: String,
    mimetype: String,
    size: i32,
    sha256: String,
}

/// A tree of uploads, as the conformance schema's `input UploadTree`.
#[derive(InputObject)]
struct UploadTree {
    file: Option<Upload>,
    files: Option<Vec<Option<Upload>>>,
    child: Option<Box<UploadTree>>,
}

/// The mimetype reported when the part has no (usable) Content-Type: async-graphql reports
/// `None` then, and RFC 7578 §4.4 makes `text/plain` the default of a form-data part.
const DEFAULT_MIMETYPE: &str = "text/plain";

/// Reads all of one upload's bytes and reports them.
async fn receive(ctx: &Context<'_>, upload: &Upload) -> Result<UploadedFile> {
    let value = upload.value(ctx)?;
    let filename = value.filename.clone();
    let mimetype = value
        .content_type
        .clone()
        .unwrap_or_else(|| DEFAULT_MIMETYPE.to_string());
    // The content is a temporary file (async-graphql's default `tempfile` feature): read it off
    // the async workers, as its blocking `into_read` asks.
    let (size, digest) = tokio::task::spawn_blocking(move || -> std::io::Result<(u64, String)> {
        let mut reader = value.into_read();
        let mut hash = Sha256::new();
        let mut size: u64 = 0;
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = reader.read(&mut buf)?;
            if n == 0 {
                break;
            }
            size += n as u64;
            hash.update(&buf[..n]);
        }
        Ok((size, format!("{:x}", hash.finalize())))
    })
    .await
    .map_err(|err| Error::new(err.to_string()))??;
    let size = i32::try_from(size).map_err(|_| {
        Error::new(format!(
            "Int cannot represent non 32-bit signed integer value: {size}"
        ))
    })?;
    Ok(UploadedFile {
        filename,
        mimetype,
        size,
        sha256: digest,
    })
}

/// The uploads of a tree, depth first: file, then files in order (nulls skipped), then child.
fn flatten<'a>(mut tree: &'a UploadTree, into: &mut Vec<&'a Upload>) {
    loop {
        if let Some(file) = &tree.file {
            into.push(file);
        }
        for file in tree.files.iter().flatten().flatten() {
            into.push(file);
        }
        match &tree.child {
            Some(child) => tree = child,
            None => return,
        }
    }
}

/// Resolves each upload on its own: a `Result` per item, so a failed upload is reported at its
/// own list index.
async fn receive_each(ctx: &Context<'_>, uploads: &[&Upload]) -> Vec<Result<UploadedFile>> {
    let mut out = Vec::with_capacity(uploads.len());
    for upload in uploads {
        out.push(receive(ctx, upload).await);
    }
    out
}

struct Query;

#[Object]
impl Query {
    async fn ping(&self) -> bool {
        true
    }
}

struct Mutation;

#[Object]
impl Mutation {
    async fn single(&self, ctx: &Context<'_>, file: Upload) -> Result<UploadedFile> {
        receive(ctx, &file).await
    }

    async fn optional(&self, ctx: &Context<'_>, file: Option<Upload>) -> Result<Option<UploadedFile>> {
        match file {
            Some(file) => receive(ctx, &file).await.map(Some),
            None => Ok(None),
        }
    }

    async fn multiple(&self, ctx: &Context<'_>, files: Vec<Upload>) -> Vec<Result<UploadedFile>> {
        let uploads: Vec<&Upload> = files.iter().collect();
        receive_each(ctx, &uploads).await
    }

    async fn tree(&self, ctx: &Context<'_>, input: UploadTree) -> Vec<Result<UploadedFile>> {
        let mut uploads = Vec::new();
        flatten(&input, &mut uploads);
        receive_each(ctx, &uploads).await
    }

    async fn echo(&self, value: Option<String>) -> Option<String> {
        value
    }

    // echoUpload(file: Upload): Upload cannot be expressed: async_graphql::Upload is an input
    // type only (it implements InputType, not OutputType), so the field is absent and the
    // target declares "echoUpload" unsupported.
}

#[tokio::main]
async fn main() {
    let host = std::env::var("HOST").unwrap_or_else(|_| "127.0.0.1".to_string());
    let port = std::env::var("PORT").unwrap_or_else(|_| "4000".to_string());

    let schema = Schema::build(Query, Mutation, EmptySubscription).finish();

    // The integration's service answers both GET (queries in the URL) and POST (JSON or
    // multipart) requests.
    let app = Router::new().route(
        "/graphql",
        post_service(GraphQL::new(schema.clone())).get_service(GraphQL::new(schema)),
    );

    let addr = format!("{host}:{port}");
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .unwrap_or_else(|err| panic!("cannot listen on {addr}: {err}"));
    println!("listening on http://{addr}/graphql");
    axum::serve(listener, app).await.expect("server error");
}
