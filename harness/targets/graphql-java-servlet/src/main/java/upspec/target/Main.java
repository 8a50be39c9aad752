package upspec.target;

import graphql.kickstart.servlet.GraphQLHttpServlet;
import graphql.kickstart.servlet.apollo.ApolloScalars;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Serves the conformance schema (harness/schema.graphql, read as SDL) at /graphql on
 * $HOST:$PORT with graphql-java-kickstart's GraphQLHttpServlet, as its documentation sets it up:
 * GraphQLHttpServlet.with(schema), the Upload scalar from ApolloScalars, and a multipart config
 * on the servlet's registration so that the container parses multipart bodies. Jetty's own
 * servlet container parses them; its defaults stay as they are.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String host = System.getenv().getOrDefault("HOST", "127.0.0.1");
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    ServletHolder holder = new ServletHolder(GraphQLHttpServlet.with(schema()));
    // No size limits of its own (-1), files written to the temporary directory past 0 bytes:
    // the MultipartConfigElement a servlet gets from @MultipartConfig with no arguments.
    holder.getRegistration().setMultipartConfig(new MultipartConfigElement(""));
    context.addServlet(holder, "/graphql");
    server.setHandler(context);
    server.start();
    server.join();
  }

  static GraphQLSchema schema() throws Exception {
    String sdl = Files.readString(Path.of("..", "..", "schema.graphql"));
    DataFetcher<Object> tree = env -> Uploads.receiveAll(Uploads.flatten(env.getArgument("input")));
    RuntimeWiring wiring =
        RuntimeWiring.newRuntimeWiring()
            .scalar(ApolloScalars.Upload)
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
    return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
  }
}
