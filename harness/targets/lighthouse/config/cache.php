<?php

// Laravel's file cache, where Lighthouse keeps the parsed schema and queries between requests.

return [
    'default' => 'file',
    'stores' => [
        'file' => ['driver' => 'file', 'path' => storage_path('framework/cache/data')],
    ],
    'prefix' => 'upspec',
];
