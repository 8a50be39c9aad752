// upspec client adapter: AwesomeGraphQLClient.request(query, variables, fetchOptions), which
// sends a GraphQL multipart request when the variables hold File objects (docs/clients.md).
import { AwesomeGraphQLClient, GraphQLRequestError } from "awesome-graphql-client";

import { performAll } from "../common/plan.mjs";

await performAll(async (scenario, operations) => {
  const client = new AwesomeGraphQLClient({ endpoint: scenario.url });
  try {
    await client.request(operations.query, operations.variables, { headers: scenario.headers });
  } catch (error) {
    // The server's answer is not judged; only the request the library sent is.
    if (!(error instanceof GraphQLRequestError)) throw error;
  }
});
