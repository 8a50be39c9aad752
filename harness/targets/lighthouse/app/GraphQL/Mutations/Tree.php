<?php

namespace App\GraphQL\Mutations;

use App\GraphQL\Uploads;

final class Tree
{
    /** @param  array<string, mixed>  $args */
    public function __invoke($_, array $args)
    {
        return Uploads::receiveAll(Uploads::flatten($args['input']));
    }
}
