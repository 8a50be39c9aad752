package upspec.target;

import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.graphql.GraphQLHandler;
import io.vertx.ext.web.handler.graphql.GraphQLHandlerOptions;
import io.vertx.ext.web.handler.graphql.UploadScalar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Serves the conformance schema (harness/schema.graphql, read as SDL) at /graphql on
 * $HOST:$PORT with Vert.x Web GraphQL as its documentation sets uploads up: a BodyHandler in
 * front (Vert.x Web parses the multipart body into form attributes and files stored on disk),
 * GraphQLHandler with multipart requests enabled, and its UploadScalar.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String host = System.getenv().getOrDefault("HOST", "127.0.0.1");
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));

    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    // Stored uploads are deleted once the answer is sent, as a deployment that keeps nothing does.
    router.route("/graphql").handler(BodyHandler.create().setDeleteUploadedFilesOnEnd(true));
    router
        .route("/graphql")
        .handler(
            GraphQLHandler.builder(graphQL())
                .with(new GraphQLHandlerOptions().setRequestMultipartEnabled(true))
                .build());
    vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(port, host)
        .onFailure(
            error -> {
              error.printStackTrace();
              System.exit(1);
            });
  }

  static GraphQL graphQL() throws Exception {
    String sdl = Files.readString(Path.of("..", "..", "schema.graphql"));
    DataFetcher<Object> tree = env -> Uploads.receiveAll(Uploads.flatten(env.getArgument("input")));
    RuntimeWiring wiring =
        RuntimeWiring.newRuntimeWiring()
            .scalar(UploadScalar.build())
            .type("Query", t -> t.dataFetcher("ping", env -> true))
            .type(
                "Mutation",
                t ->
                    t.dataFetcher("single", env -> Uploads.receive(env.getArgument("file")))
                        .dataFetcher("optional", env -> Uploads.receiveOptional(env.getArgument("file")))
                        .dataFetcher("multiple", env -> Uploads.receiveAll(env.<List<Object>>getArgument("files")))
                        .dataFetcher("tree", tree)
                        .dataFetcher("echo", env -> env.getArgument("value"))
                        // Returns the Upload value itself, so the scalar's refusal to serialise it shows.
                        .dataFetcher("echoUpload", env -> env.getArgument("file")))
            .build();
    return GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring))
        .build();
  }
}
