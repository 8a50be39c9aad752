<?php

namespace App\GraphQL\Mutations;

use App\GraphQL\Uploads;

final class Multiple
{
    /** @param  array<string, mixed>  $args */
    public function __invoke($_, array $args)
    {
        return Uploads::receiveAll($args['files']);
    }
}
