<?php

namespace App\GraphQL\Mutations;

/** Mutation.echo (`echo` is a reserved word in PHP, so the class cannot be named after it). */
final class EchoValue
{
    /** @param  array<string, mixed>  $args */
    public function __invoke($_, array $args): ?string
    {
        return $args['value'] ?? null;
    }
}
