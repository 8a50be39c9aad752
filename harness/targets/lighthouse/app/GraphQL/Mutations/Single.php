<?php

namespace App\GraphQL\Mutations;

use App\GraphQL\Uploads;

final class Single
{
    /** @param  array<string, mixed>  $args */
    public function __invoke($_, array $args)
    {
        return Uploads::receive($args['file']);
    }
}
