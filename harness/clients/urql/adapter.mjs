// upspec client adapter: urql's core Client with its fetchExchange, which sends a GraphQL
// multipart request when the variables hold File or Blob objects (docs/clients.md).
import { Client, fetchExchange } from "@urql/core";

import { performAll } from "../common/plan.mjs";

await performAll(async (scenario, operations) => {
  const client = new Client({
    url: scenario.url,
    exchanges: [fetchExchange],
    fetchOptions: { headers: scenario.headers },
  });
  const result = await client.mutation(operations.query, operations.variables).toPromise();
  if (result.error?.networkError) throw result.error.networkError;
});
