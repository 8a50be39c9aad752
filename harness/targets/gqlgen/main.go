// upspec target: gqlgen's handler serving the conformance schema (harness/schema.graphql) at
// /graphql on $HOST:$PORT.
//
// The server is what a typical gqlgen deployment looks like: handler.New with the transports,
// query cache and extensions of gqlgen's own starting point (handler.NewDefaultServer, whose
// documentation says to build on handler.New the same way), less the websocket transport, which
// has no part in uploads. transport.MultipartForm{} keeps its default limits, as gqlgen's
// file-upload documentation configures it. Nothing here second-guesses gqlgen: its refusals and
// its recovered panics reach the client as gqlgen writes them.
package main

import (
	"log"
	"net"
	"net/http"
	"os"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"upspec/targets/gqlgen/graph"
)

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "4000"
	}
	host := os.Getenv("HOST")
	if host == "" {
		host = "127.0.0.1"
	}

	srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{}}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	// Defaults: MaxUploadSize and MaxMemory are both 32 MiB.
	srv.AddTransport(transport.MultipartForm{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})

	mux := http.NewServeMux()
	mux.Handle("/graphql", srv)

	addr := net.JoinHostPort(host, port)
	log.Printf("listening on http://%s/graphql", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}
