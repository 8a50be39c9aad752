// upspec client adapter: Apollo Client 4 with apollo-upload-client's UploadHttpLink, as its
// readme sets it up, performing each scenario as a mutation (docs/clients.md).
import { ApolloClient, InMemoryCache, gql } from "@apollo/client";
import UploadHttpLink from "apollo-upload-client/UploadHttpLink.mjs";

import { performAll } from "../common/plan.mjs";

await performAll(async (scenario, operations) => {
  const client = new ApolloClient({
    cache: new InMemoryCache(),
    link: new UploadHttpLink({ uri: scenario.url }),
  });
  await client.mutate({
    mutation: gql(operations.query),
    variables: operations.variables,
    context: { headers: scenario.headers },
    fetchPolicy: "no-cache",
  });
});
