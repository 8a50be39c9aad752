<?php

namespace App\GraphQL\Mutations;

use App\GraphQL\Uploads;

final class Optional
{
    /** @param  array<string, mixed>  $args */
    public function __invoke($_, array $args)
    {
        return ($args['file'] ?? null) === null ? null : Uploads::receive($args['file']);
    }
}
