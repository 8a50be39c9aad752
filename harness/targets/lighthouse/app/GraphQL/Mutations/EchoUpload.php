<?php

namespace App\GraphQL\Mutations;

/** Returns the Upload value itself, so the scalar's refusal to serialise it shows. */
final class EchoUpload
{
    /** @param  array<string, mixed>  $args */
    public function __invoke($_, array $args)
    {
        return $args['file'] ?? null;
    }
}
